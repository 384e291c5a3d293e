// Crash and restart: what a node keeps, what it forgets, and how it catches up.
//
// Figure 2 splits a node's state in two. Persistent state (currentTerm, votedFor, the log) is written to disk
// before the node answers any message, so it survives a crash. Volatile state (role, commitIndex, lastApplied,
// the key-value store built by applying entries) is lost. A restarted node comes back as a follower with its old
// log, learns from the leader how far the log is committed, and rebuilds its state machine by applying it again.
//
// Run it: ./lab run scripts/crash-restart.groovy

cluster 5, seed: 3
run 'until', 'leader'
def l = leader()
put 'a', '1'
run 'until', 'quiet'

// Crash two followers. Three nodes of five are still a majority, so the cluster keeps committing.
def (f1, f2) = ((1..5) - l).take(2)
crash f1
crash f2
put 'b', '2'
run 'until', 'commit', 3
assert node(l).commitIndex == 3

// A down node still has its disk: term, vote and log as they were at the crash (up=false, and no volatile state).
def down = node(f1)
assert !down.up && down.role == null && down.commitIndex == null
assert down.lastIndex == 2 && down.term == node(l).term
assert kv(f1) == [:]
status

// Restart one: its log is back, but it has forgotten what was committed and applied, so its store is empty.
restart f1
assert node(f1).lastIndex == 2
assert node(f1).commitIndex == 0 && kv(f1) == [:]

// The leader's next AppendEntries brings the missing entry and the commit index; the node applies from index 1.
tick 100
assert node(f1).commitIndex == 3 && kv(f1) == [a: '1', b: '2']

// Now crash the leader. The survivors elect a new one in a higher term. A node votes only for a candidate whose
// log is at least as up to date as its own, so the winner holds every committed entry (Leader Completeness).
crash l
run 'until', 'leader'
def l2 = leader()
assert l2 != l && node(l2).term > node(l).term
put 'c', '3'
run 'until', 'quiet'
assert kv(l2) == [a: '1', b: '2', c: '3']

// Bring everyone back. The old leader returns as a follower, sees the newer term and follows the new leader.
restart l
restart f2
run 'until', 'quiet'
log
def reference = node(l2).log
(1..5).each { id ->
    assert node(id).log == reference
    assert kv(id) == [a: '1', b: '2', c: '3']
}
assert leaders() == [l2]
