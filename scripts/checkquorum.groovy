// A leader cut off in a minority: without CheckQuorum it takes writes that can never commit and keeps its clients
// waiting; with CheckQuorum (the dissertation's section 6.2) it steps down and tells them to go elsewhere.
//
// A leader only learns it lost its majority when it hears of a newer term, and a leader cut off hears nothing. So it
// goes on accepting requests, appending them to its own log, where they wait forever (or until the partition heals
// and a newer leader cuts them off). With --checkquorum the leader keeps count: if in an election timeout it has
// not heard from a majority (itself included), it steps down. Requests still waiting on it are answered "outcome
// unknown": the entry may yet be committed by a later leader (another node might hold it), or not, so the client
// must ask the new leader and cannot assume either (issue 8's rule: "failed" only when another entry is known to be
// committed at that index). CheckQuorum also makes a node that hears from a leader ignore RequestVote, which is why
// it is switched on together with the leader's check.
//
// Run it: ./lab run scripts/checkquorum.groovy

// ---- Without CheckQuorum
cluster 5, seed: 1
tick 400
def boss = leader()
def others = (1..5).findAll { it != boss }
// The leader and one follower on one side (a minority of 2), the other three on the other.
partition "${boss},${others[0]}", others.drop(1).join(',')
put 'x', '1', to: boss                 // accepted at index 2 of the old leader's log, and never committed
quietly {
    tick 2000
}
status
assert node(boss).role == 'leader'     // it still believes it leads, two seconds later
assert node(boss).commitIndex == 1     // and the put never committed: the client is still waiting
println "without CheckQuorum, n$boss still leads term ${node(boss).term} in its minority; the put waits"

// ---- With CheckQuorum
cluster 5, seed: 1, checkquorum: true
tick 400
boss = leader()
others = (1..5).findAll { it != boss }
partition "${boss},${others[0]}", others.drop(1).join(',')
put 'x', '1', to: boss
// Within an election timeout (300 ms here) the leader counts who answered: 2 of 5 is no majority, so it steps down,
// and the client hears "outcome unknown ... ask another node". The majority side elects a leader of its own.
tick 700
status
assert node(boss).role == 'follower'
def fresh = leader()
assert fresh != null && fresh != boss && node(fresh).term > 1
def answered = events().find { it.kind == 'client' && it.status == 'unknown' }
assert answered != null
println "with CheckQuorum, n$boss stepped down; n$fresh leads term ${node(fresh).term}"

// The client goes elsewhere: the new leader takes the same put and commits it.
put 'x', '1', to: fresh
tick 100
assert kv(fresh).x == '1'
