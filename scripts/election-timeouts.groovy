// Why the election timeout is a range: time to elect a leader, over many seeds, with a narrow and a wide range.
//
// A follower that hears nothing for its election timeout becomes a candidate. If two followers time out at almost
// the same moment, both ask for votes, the votes split, nobody wins the term, and everyone waits for another
// timeout (split-vote.txt shows one such split step by step). Raft makes this rare by drawing each timeout at
// random from a range: the wider the range, the likelier one node times out well ahead of the others and wins
// before anyone else starts. Section 9.3 of the Raft paper measured this; here we measure it ourselves.
//
// Run it: ./lab run scripts/election-timeouts.groovy [SEEDS]   (default 1000 seeds per range)

int seeds = args ? args[0] as int : 1000

// Elect a leader on a fresh 5-node cluster for each seed, and note when the first one was elected. `quietly`
// keeps the commands' own output out of the way: we want the numbers, not 600 elections in words.
List<Long> timeToLeader(range, int seeds) {
    def times = []
    quietly {
        for (seed in 1..seeds) {
            cluster 5, seed: seed, election: range
            run 'until', 'leader'
            times << now()
        }
    }
    times
}

def narrow = timeToLeader(150..155, seeds)
def wide = timeToLeader(150..300, seeds)

// The first timeout can come no earlier than 150 ms in either case. With 150..155 the five timers fire within
// 5 ms of each other, closer than a RequestVote takes to arrive (1..5 ms here), so several candidates often
// split the votes and the election starts over. With 150..300 the first timer is usually alone.
plot narrow, wide, labels: ['election 150..155', 'election 150..300'], unit: 'ms', bins: 40,
        title: "time to elect a leader, ${seeds} seeds each"

// Read the narrow range's bars: they come in clumps 150 ms apart (150, 300, 450, ...). Each clump is one more
// round: the votes split, every node waits out another timeout of at least 150 ms, and tries again. Of 1000
// seeds, 645 needed a second round or more (the last line printed), and the slowest took twelve rounds. The
// wide range's bars sit almost all before 300 ms: the first candidate was almost always alone, and only 2 of
// 1000 seeds needed a second round. The paper's measurements (section 9.3) show the same effect on a real cluster.
//
// What the picture says, as assertions the lab checks on every build:
def median = { List<Long> xs -> xs.sort(false)[(xs.size() - 1).intdiv(2)] }
def worst = { List<Long> xs -> xs.max() }
println "median: ${median(narrow)} ms narrow, ${median(wide)} ms wide; worst: ${worst(narrow)} ms narrow, ${worst(wide)} ms wide"
// A wide range makes the slow tail (several rounds of split votes) rarer and shorter.
assert worst(wide) < worst(narrow)
assert wide.count { it >= 300 } < narrow.count { it >= 300 }
assert narrow.count { it >= 300 } > seeds / 3
println "needed a second round (300 ms or more): ${narrow.count { it >= 300 }} of $seeds narrow, ${wide.count { it >= 300 }} of $seeds wide"
