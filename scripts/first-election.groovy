// First election: how a cluster with no leader gets one.
//
// Every node starts as a follower in term 0 with a randomized election timer (150..300 ms here). The first timer
// to run out turns its node into a candidate: it moves to term 1, votes for itself and asks the others for their
// votes with RequestVote. Each node grants at most one vote per term, so at most one candidate can collect a
// majority (3 of 5): that is Election Safety, the first of Raft's guarantees.
//
// Run it: ./lab run scripts/first-election.groovy

cluster 5, seed: 7

// Nothing has happened yet: no leader, everyone a follower in term 0.
assert leader() == null
assert (1..5).every { node(it).role == 'follower' && node(it).term == 0 }

// Let 400 virtual ms pass. Watch for the first "becomes candidate", the votes, then "becomes leader".
tick 400
status

def winner = leader()
println "the leader is n$winner, in term ${node(winner).term}"

// Exactly one leader, and every node agrees on who it is and on the term.
assert leaders() == [winner]
(1..5).each { id ->
    def n = node(id)
    assert n.term == 1
    assert n.leaderId == winner
    // The winner voted for itself; everyone else voted for the winner: one vote per node per term.
    assert n.votedFor == winner
}

// A new leader appends a no-op entry of its own term. Once a majority stores it, it is committed, and that
// commits everything before it too (Figure 8 of the paper explains why a leader needs an entry of its own term).
assert node(winner).log == [[index: 1, term: 1, command: 'noop']]
assert (1..5).every { node(it).commitIndex == 1 }

// Time passing without trouble changes nothing: heartbeats (empty AppendEntries every 50 ms) keep the
// followers' election timers from running out, so no one starts another election.
tick 1000
assert leader() == winner && node(winner).term == 1
println "after another second, n$winner still leads in term 1"
