// An unreliable network: Raft stays correct when messages are lost, delayed and reordered.
//
// `net unreliable` switches on the network of the MIT 6.824 lab tester: 10% of messages are lost and requests are
// delayed by up to 26 ms, so they overtake each other. Clients keep sending requests meanwhile. Some requests may
// fail or be left without an answer (a leader can lose its place while holding them), and elections may happen;
// Raft promises not that every request succeeds, but that every node applies the same commands in the same order.
// Once the network is reliable again, every node converges on the same log and the same state.
//
// Run it: ./lab run scripts/unreliable.groovy

cluster 5, seed: 21
run 'until', 'leader'
net 'unreliable'

// A stream of 30 writes, one every 20 ms, each sent to whichever node currently looks like the leader.
30.times { i ->
    if (leader() != null) {
        put "k${i % 6}", "$i"
    }
    tick 20
}
stats

// Back to a reliable network, and let the cluster settle.
net 'reliable'
run 'until', 'quiet', max: 5000
log

// Convergence: the same log on every node (Log Matching), all of it committed and applied, the same state
// (State Machine Safety), and one leader.
def l = leader()
def reference = node(l).log
(1..5).each { id ->
    def n = node(id)
    assert n.log == reference
    assert n.commitIndex == reference.size() && n.lastApplied == reference.size()
    assert kv(id) == kv(l)
}
assert leaders() == [l]

// Every write the cluster acknowledged as ok is in the log, exactly once.
def acked = events().findAll { it.kind == 'client' && it.status == 'ok' }*.command
acked.each { c -> assert reference.count { it.command == c } == 1 }
println "${acked.size()} writes acknowledged; final state ${kv(l)}"

// Election Safety across all the turbulence: at most one leader per term.
events().findAll { it.kind == 'role' && it.role == 'leader' }.groupBy { it.term }.each { t, w -> assert w.size() == 1 }
