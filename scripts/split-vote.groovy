// Split vote: two candidates at once, nobody wins, and randomness breaks the tie.
//
// If two followers time out in the same millisecond, both become candidates in the same term and vote for
// themselves. Each other node grants its one vote to whichever request reaches it first. With four nodes a
// candidate needs 3 votes; if each candidate gets one more, both are stuck at 2 and the term ends with no leader.
// Both wait for their election timers again, and those are drawn at random (150..300 ms): one almost surely fires
// first, starts a new term, and collects the votes before the other wakes up. That is why Raft randomizes them.
//
// Run it: ./lab run scripts/split-vote.groovy

cluster 4, seed: 9
hold true

// n1 and n2 time out together.
timeout 1
timeout 2
assert node(1).role == 'candidate' && node(2).role == 'candidate' && node(1).term == node(2).term

// Order the deliveries so the votes split: n3 hears n1 first, n4 hears n2 first.
deliver msgs().find { it.type == 'RequestVote' && it.from == 1 && it.to == 3 }
deliver msgs().find { it.type == 'RequestVote' && it.from == 2 && it.to == 4 }
// Everything else: the late requests are refused (each node already voted this term), and the replies arrive.
stabilize
msgs
assert leaders() == []
def granted = events().findAll { it.kind == 'vote' && it.text.contains(' votes for ') }
assert granted*.text.sort() == ['n3 votes for n1 in term 1', 'n4 votes for n2 in term 1']
println "term 1: n1 and n2 have 2 votes each of the 3 they need; no leader"
// The timer column: each node's election timer was drawn at random when it last (re)started it.
status

// Let time run. The candidates' randomized timers fire at different times; the first starts term 2 and wins.
hold false
run 'until', 'leader'
def winner = leader()
assert node(winner).term == 2
run 'until', 'quiet'
status

// Election Safety over the whole run: no term had two leaders (term 1 had none).
def elected = events().findAll { it.kind == 'role' && it.role == 'leader' }
assert elected.size() == 1 && elected[0].term == 2
