// Membership change, one server at a time, then joint consensus (the dissertation's chapter 4). The same story as
// transcripts/add-remove-node.txt and transcripts/joint-consensus.txt, as a script that checks itself.
//
// A configuration is an entry in the log, in force on each node as soon as it is appended (not when committed).
// add-node starts the next id with an empty disk and asks the leader to add it as a learner (it gets the log, or a
// snapshot, but does not vote); promote makes it a voter; remove-node takes a node out; reconfigure changes any
// number of voters through the joint configuration C_old,new, which needs a majority of both sides.
//
// Run it: ./lab run scripts/membership.groovy

cluster 3, seed: 2, snapshotEvery: 4
tick 400
def boss = leader()
(1..6).each { put "k$it", "$it" }    // one instant: the six entries travel in one AppendEntries per follower
tick 50
assert node(boss).snapshotIndex > 0   // the start of the log is compacted: a newcomer gets a snapshot

// n4 joins as a learner and catches up by snapshot.
addNode()
tick 100
assert node(4).snapshotIndex > 0 && kv(4) == kv(boss)
assert node(4).config == 'voters 1,2,3 learners 4'
println "n4 caught up by snapshot; its configuration: ${node(4).config}"

// Promote it: one voter more, a single-server change.
promote 4
tick 50
assert (1..4).every { node(it).config == 'voters 1,2,3,4' }

// Remove the leader: it leads until the change is committed, then steps down and stays quiet.
removeNode boss
tick 50
assert node(boss).role == 'follower'
tick 400
def next = leader()
assert next != null && next != boss
println "n$boss stepped down; n$next leads ${node(next).config}"

// Replace two voters at once: joint consensus, then C_new. n5 and n6 start empty and catch up first.
def keep = (1..4).findAll { it != boss }
def wanted = ([keep[0], 5, 6]).join(',')
reconfigure wanted
tick 200
tick 400
def last = leader()
assert node(last).config == "voters $wanted"
put 'done', 'yes'
tick 50
assert kv(6).done == 'yes'
println "now ${node(last).config}, led by n$last"
