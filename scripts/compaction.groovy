// Log compaction: a follower that was down while the others compacted comes back through a snapshot.
//
// With --snapshot-every 10 each node replaces what it has applied with a snapshot of its key-value store once 10
// entries were applied since its last one (section 7 of the paper). The leader can then no longer send a returning
// follower the entries it missed: they are gone. It sends the snapshot instead, InstallSnapshot in chunks of at
// most 64 bytes here, and goes on with AppendEntries from the snapshot's last index.
//
// Run it: ./lab run scripts/compaction.groovy

cluster 3, seed: 2, snapshotEvery: 10, snapshotChunk: 64
run 'until', 'leader'
def l = leader()
def f = ((1..3) - l)[0]
crash f

// 30 writes while f is down; the leader and the other follower are a majority and commit them.
30.times { i -> put "k${i % 7}", "$i" }
tick 300

// The leader's log now starts after a snapshot: index 1 is gone, so a returning f cannot be sent it.
def snap = node(l).snapshotIndex
assert snap >= 20
println "n$l's log starts after a snapshot up to index $snap (term ${node(l).snapshotTerm})"

restart f
def before = stats()
tick 300

// f got the snapshot, in chunks, and then the entries after it; it ends with the same state as the leader.
// (The leader had been sending the snapshot on every heartbeat since it compacted, to a node that was down: those
// were lost. The chunks of the last heartbeat before the restart were still on their way, and arrived.)
def chunks = stats().byType.InstallSnapshot.delivered - (before.byType.InstallSnapshot?.delivered ?: 0)
println "InstallSnapshot chunks delivered after the restart: $chunks"
assert chunks >= 2
assert node(f).snapshotIndex > 0
assert kv(f) == kv(l)
println "n$f's store now: ${kv(f)}"
check
