// Two leaders, one term each: why a leader cut off from the majority is harmless.
//
// A network partition can leave the old leader on the minority side, still believing it leads: nobody tells it
// otherwise. Meanwhile the majority side stops hearing heartbeats, elects a new leader in a higher term and goes
// on. For a while there are two nodes in the leader role. That is allowed, and safe, because Raft promises
// something narrower than "one leader at a time": at most one leader PER TERM (Election Safety), and a leader
// commits only with a majority, which the old leader can no longer reach. When the partition heals, the old
// leader sees the higher term, steps down, and its uncommitted entries are overwritten.
//
// Run it: ./lab run scripts/two-leaders.groovy

cluster 5, seed: 7
run 'until', 'leader'
put 'x', '1'
run 'until', 'quiet'
def old = leader()
def buddy = ((1..5) - old)[0]
def majority = (1..5) - [old, buddy]
println "old leader n$old; cut off with n$buddy from ${majority.collect { 'n' + it }}"

// Cut the old leader and one follower off from the other three.
partition "$old,$buddy", majority.join(',')

// The majority side misses heartbeats, times out, and elects a leader of a higher term.
tick 400
def fresh = leader()           // leader() picks the live leader with the highest term
assert fresh in majority
assert leaders() == [old, fresh].sort()
assert node(fresh).term > node(old).term
println "two nodes in the leader role: n$old in term ${node(old).term}, n$fresh in term ${node(fresh).term}"

// A client that still talks to the old leader: it accepts the request (it thinks it leads)...
put 'x', 'lost', to: old
// ...and a client of the new leader.
put 'x', 'kept', to: fresh
tick 200
// The new leader commits with its majority. The old leader can replicate only to n$buddy: 2 of 5, never enough.
assert kv(fresh).x == 'kept'
assert node(old).commitIndex < node(old).lastIndex
assert kv(old).x == '1'
log

// Heal. The first message from the new term reaches the old leader and it steps down; its uncommitted entry
// conflicts with the new leader's log and is removed, and the client's request fails: the entry at its index is
// another one. (The client may now retry with the new leader.)
heal
tick 200
log
assert leaders() == [fresh]
def reference = node(fresh).log
(1..5).each { id ->
    assert node(id).log == reference
    assert kv(id).x == 'kept'
}
def lost = events().find { it.kind == 'client' && it.command == 'put x=lost' && it.status != 'accepted' }
assert lost.status == 'failed'

// Election Safety, checked over every event of the run, not only the moments we looked:
// each term had at most one node that became leader.
def elected = events().findAll { it.kind == 'role' && it.role == 'leader' }
elected.groupBy { it.term }.each { term, wins -> assert wins.size() == 1 }
println "leaders by term: " + elected.collect { "term ${it.term}: n${it.node}" }.join(', ')
