// Log replication and commit: how one client request becomes a fact every node agrees on.
//
// A client sends `put x 1` to the leader. The leader appends it to its log and sends it to the followers in
// AppendEntries. Once a majority (the leader counts itself) has the entry, the leader marks it committed and
// applies it to its key-value store, and only then answers the client. Followers learn the new commit index from
// the leader's next AppendEntries (often an empty heartbeat) and apply the entry too.
//
// Here we hold every message, so the protocol moves only when we deliver: one step at a time.
//
// Run it: ./lab run scripts/replication.groovy

cluster 3, seed: 11
run 'until', 'leader'
stabilize                 // let the new leader's no-op reach everyone
def l = leader()
def followers = (1..3) - l

// From now on, ticking delivers nothing by itself: messages wait for `deliver`.
hold true
put 'x', '1'

// The leader has the entry at index 2 (index 1 is its no-op), uncommitted. Nobody else has it yet.
assert node(l).lastIndex == 2 && node(l).commitIndex == 1
followers.each { assert node(it).lastIndex == 1 }

// The leader does not send it yet: what is proposed in one virtual instant goes out together, in one AppendEntries
// per follower, when the instant ends (batching; `cluster 3 --batch off` sends each proposal at once, as Figure 2
// does). `msgs` says so; `tick 0` ends the instant without moving the clock.
msgs
tick 0

// The entry travels in one AppendEntries per follower.
msgs
def appends = msgs().findAll { it.type == 'AppendEntries' && it.entries }
assert appends.size() == 2
assert appends.every { it.entries == [[index: 2, term: node(l).term, command: 'put x=1']] }

// Deliver it to ONE follower: that follower appends it and acknowledges.
def first = appends.find { it.to == followers[0] }
deliver first
assert node(followers[0]).lastIndex == 2
// ...but appending is not committing: the follower commits only what the leader tells it is committed.
assert node(followers[0]).commitIndex == 1

// The acknowledgement reaches the leader: 2 of 3 nodes hold index 2, a majority. The leader commits, applies,
// and answers the client. The other follower does not even have the entry yet: a majority is enough.
deliver type: 'AppendEntriesReply'
assert node(l).commitIndex == 2
assert kv(l) == [x: '1']
assert node(followers[1]).lastIndex == 1

// The slow follower gets the entry; the next heartbeat tells both followers that index 2 is committed.
hold false
tick 60
(1..3).each { id ->
    assert node(id).commitIndex == 2
    assert kv(id) == [x: '1']
}

// More requests go the same way; these three arrive in one instant, so the leader sends all three entries in one
// AppendEntries per follower. Every node ends with the same log, entry for entry (Log Matching), and the same
// state, because each applies the same commands in the same order (State Machine Safety).
append 'x', '2'
put 'y', 'hello world'
delete 'x'
get 'y'
run 'until', 'quiet'
log
def reference = node(l).log
(1..3).each { id ->
    assert node(id).log == reference
    assert kv(id) == [y: 'hello world']
}
