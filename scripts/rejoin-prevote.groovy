// A node that rejoins after a partition deposes a healthy leader; PreVote (the dissertation's section 9.6) stops it.
//
// A node cut off from the others hears no heartbeats, so its election timer runs out again and again. In Figure 2's
// Raft each timeout is a new election in a new term: alone, it climbs to term 10 while the others stay in term 1.
// When the network heals, its first message carries term 10, and the leader, seeing a newer term, steps down.
// Nothing unsafe happens (the rejoined node's log is behind, so it cannot win), but the cluster loses its leader
// for an election for no reason.
//
// With PreVote a node whose timer runs out first becomes a pre-candidate: it asks "would you vote for me in term
// 2?" without moving to term 2. Nobody promises while they hear from a leader, so alone (or back among nodes that
// have a leader) it never gets a majority and never changes its term.
//
// Run it: ./lab run scripts/rejoin-prevote.groovy

// ---- Without PreVote
cluster 5, seed: 1
tick 400
def boss = leader()
def lonely = (1..5).find { it != boss }    // any follower will do: the lowest-numbered one
println "n$boss leads term ${node(boss).term}; n$lonely will be cut off"
isolate lonely

// Let time pass, without printing every election, until the lonely node reaches term 10.
quietly {
    while (node(lonely).term < 10) {
        tick 50
    }
}
println "after ${now()} ms n$lonely is a ${node(lonely).role} in term ${node(lonely).term}; the others are in term ${node(boss).term}"
assert node(boss).role == 'leader' && node(boss).term == 1

// Heal, and watch what its term 10 does to the leader: "becomes follower in term 10 (saw term 10 from ...)". The
// lonely node cannot win (its log lacks the others' entries, and they refuse it), but each of its timeouts is a newer
// term that interrupts whoever is trying to take over, until a node with a full log wins a term above it.
heal
tick 400
status
assert node(boss).role == 'follower' && node(boss).term >= 10   // dragged to the lonely node's term
cmd 'run until leader'
println "the leader of term 1 was deposed: after ${now()} ms n${leader()} leads term ${node(leader()).term}"

// ---- With PreVote
cluster 5, seed: 1, prevote: true
tick 400
boss = leader()
lonely = (1..5).find { it != boss }
println "n$boss leads term ${node(boss).term}; n$lonely will be cut off"
isolate lonely

// The same two seconds and more pass. Every timeout makes it a pre-candidate again, still in term 1: nobody answers
// (it is cut off), so it never wins a pre-vote and never starts a real election.
quietly {
    tick 3000
}
println "after ${now()} ms n$lonely is a ${node(lonely).role} in term ${node(lonely).term}"
assert node(lonely).term == 1 && node(lonely).role == 'pre-candidate'

// Heal, and fire its timer at once so that its PreVotes reach the others: they refuse ("heard from leader n4 within
// 150 ms"), and the leader's next heartbeat makes it a follower again, in term 1. Nobody's term moved.
heal
timeout lonely
tick 400
status
assert leader() == boss && node(boss).term == 1
assert (1..5).every { node(it).term == 1 && node(it).leaderId == boss }
println "with PreVote, n$boss still leads term 1"
