// Reordered and duplicated messages: nothing lost, nothing counted twice.
//
// Raft assumes a network that may delay, reorder, duplicate and drop messages, and stays correct anyway.
// Three cases, each done by hand with hold on (messages move only when we deliver them):
//   1. an AppendEntries overtakes an earlier one: the follower refuses the gap, the leader resends, nothing lost;
//   2. a stale copy of an old AppendEntries arrives after newer entries: the follower must not cut its log back
//      (it truncates only on a real conflict), and the leader must not move its matchIndex backwards;
//   3. a vote reply arrives twice: the candidate counts voters, not replies, so one vote is one vote.
//
// Run it: ./lab run scripts/reorder-dup.groovy

cluster 3, seed: 6
run 'until', 'leader'
run 'until', 'quiet'
def l = leader()
def f = ((1..3) - l)[0]
stabilize                             // an empty wire, so that every message below is one we caused
hold true

// --- 1. Overtaking. Two requests: index 2 and index 3 each travel in their own AppendEntries. The leader sends
// what was proposed in one instant together, when the instant ends (batching); `tick 0` ends it without moving
// the clock, so each put below goes out on its own.
put 'a', '1'
tick 0
put 'b', '2'
tick 0
def toF = msgs().findAll { it.to == f && it.type == 'AppendEntries' }
assert toF*.entries*.index == [[2], [3]]
// Deliver the second first: f has no entry 2, so the consistency check (prevLogIndex 2) fails.
deliver toF[1]
assert node(f).lastIndex == 1
deliver from: f                       // the refusal tells the leader where f's log ends
deliver toF[0]                        // the first message arrives late: entry 2
stabilize                             // the leader's resend and everything else
assert node(f).log == node(l).log && node(f).lastIndex == 3
println "1. overtaken: f refused entry 3, got entry 2, then entry 3 again; its log matches the leader's"

// --- 2. A stale duplicate. Keep a copy of the AppendEntries for entry 4, deliver the original...
put 'c', '3'
tick 0
def ae4 = msgs().find { it.to == f && it.type == 'AppendEntries' }
dup ae4
def copy = msgs().find { it.to == f && it.type == 'AppendEntries' && it.id != ae4.id }
deliver ae4
deliver from: f
// ...then entry 5 arrives and is acknowledged...
put 'd', '4'
tick 0
deliver msgs().find { it.to == f && it.entries*.index == [5] }
deliver from: f
assert node(f).lastIndex == 5 && node(l).matchIndex[f] == 5
// ...and only now the old copy (prevLogIndex 3, entry 4). Entry 4 matches what f has: f keeps entry 5.
deliver copy
assert node(f).lastIndex == 5
// Its reply says match=4, older news than match=5: the leader keeps matchIndex at 5.
deliver from: f
assert node(l).matchIndex[f] == 5
println "2. stale copy: f kept entry 5, the leader kept matchIndex 5"
stabilize
hold false
run 'until', 'quiet'
(1..3).each { assert node(it).log == node(l).log && kv(it) == [a: '1', b: '2', c: '3', d: '4'] }

// --- 3. A duplicated vote. Five nodes: a candidate needs 3 votes, its own and two more.
cluster 5, seed: 6
hold true
timeout 1
def votesFor2 = msgs().find { it.to == 2 && it.type == 'RequestVote' }
deliver votesFor2
def reply = msgs().find { it.from == 2 && it.type == 'RequestVoteReply' }
assert reply.voteGranted
dup reply
deliver from: 2                       // the reply and its copy
// Two replies from n2, but n2 is one voter: n1 has 2 votes of the 3 it needs, and is still a candidate.
assert node(1).role == 'candidate'
deliver to: 3, type: 'RequestVote'
deliver from: 3
assert node(1).role == 'leader'
def won = events().find { it.kind == 'role' && it.role == 'leader' }
assert won.text.endsWith('with 3 votes')
println "3. duplicated vote: counted once; n1 won with its own vote, n2's and n3's"
