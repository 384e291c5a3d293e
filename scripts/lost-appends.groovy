// AppendEntries lost and retried: how a leader brings back a follower that missed many entries.
//
// A leader never gives up on a follower. Every heartbeat (an AppendEntries, empty or not) is also a retry: if
// messages to a follower are lost, the leader keeps sending, and as soon as they get through the follower's answer
// tells the leader where the two logs part. The leader keeps, per follower, nextIndex: the next entry to send.
// The paper's simplest scheme backs nextIndex up by one entry per rejection, which would take 50 round trips for
// a follower 50 entries behind. With the follower's hint (its log length, or the first index of the conflicting
// term) the leader jumps back in one step, and then sends up to 64 entries per AppendEntries.
//
// Election timeouts are made long here (1000..2000 ms) so that the follower we cut off does not start an election
// of its own while it hears nothing: that is another story (see two-leaders.groovy).
//
// Run it: ./lab run scripts/lost-appends.groovy

cluster 3, seed: 4, election: 1000..2000
run 'until', 'leader'
def l = leader()
def f = ((1..3) - l)[0]
put 'start', '0'
run 'until', 'quiet'

// Cut the link between the leader and follower f, both ways: AppendEntries and their replies are dropped.
cut l, f
def before = stats()

// 60 client requests while f hears nothing. The other follower and the leader are a majority: they commit. The
// requests arrive in one virtual instant, so the leader sends them together when it ends: one AppendEntries per
// follower carries all 60 (at most --max-batch, 64, go in one).
60.times { i -> put "k$i", "$i" }
tick 600
assert node(l).commitIndex == 62
assert node(f).lastIndex == 2

// The leader kept trying: each heartbeat to f was dropped at the cut link.
def after = stats()
def dropped = after.byNode[f].dropped - before.byNode[f].dropped
println "AppendEntries to n$f dropped while cut: $dropped (one with the 60 puts, then one per 50 ms heartbeat)"
assert dropped >= 10
println "the leader still believes n$f's next entry is ${node(l).nextIndex[f]}; it really needs 3"

// Restore the link, but hold the messages so that we can count the round trips by hand.
uncut l, f
hold true
tick 50                               // the next heartbeat round
def rounds = 0
while (node(f).lastIndex < node(l).lastIndex) {
    rounds++
    println "-- round trip $rounds"
    deliver from: l, to: f            // the leader's AppendEntries
    deliver from: f, to: l            // f's answer: success, or where its log ends
}
println "n$f caught up on 60 entries in $rounds AppendEntries round trips"
assert rounds <= 2
hold false
run 'until', 'quiet'

// Nothing was lost: f has exactly the leader's log and the same state.
assert node(f).log == node(l).log
assert kv(f) == kv(l) && kv(f).size() == 61
stats
