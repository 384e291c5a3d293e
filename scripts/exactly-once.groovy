// Exactly-once under a lossy network: simulated clients resend what goes unanswered, and the state machine's client
// sessions make every operation take effect once, however many copies of it reach the log.
//
// The simulated clients (`clients N`) are endpoints of the virtual network, like the nodes: their requests and the
// answers travel on links of their own (c1->3, 3->c1), so the network's loss and duplication hit them too. A client
// that hears nothing within 500 ms sends the same operation (same client id, same sequence number) to the next node;
// a refusal sends it to the leader the refusal names. The history records each operation once, from its first
// attempt to the first answer that reaches the client. transcripts/exactly-once.txt shows one lost answer by hand;
// this script lets the network lose many.
//
// Run it: ./lab run scripts/exactly-once.groovy

// ---- With sessions (the default)
// Three clients on two keys, every message (the clients' too) lost with probability 0.1 and duplicated with 0.1,
// for 10 virtual seconds; then a reliable network while the clients finish what they are on.
def lossy = {
    quietly {
        clients 3, keys: 2
        loss 0.1
        dupe 0.1
        tick 10000
        loss 0
        dupe 0
        clients 'drain'
        tick 2000
    }
}
cluster 5, seed: 2
lossy()
// stats counts 179 client requests sent for the history's 94 operations: the rest are retries, and the network
// duplicated 17 more. (Gets are served by ReadIndex, the default, so ReadIndex messages show too: a get that
// starts at a follower asks the leader for a read index.) Every copy after the first to be applied was answered from the session table, so the history
// (its last operations below) is linearizable.
stats
history last: 3
check

// ---- The bug no-dedup
// The same run, with a state machine that applies every copy. The logs still agree, so no safety property breaks;
// but some retried operations took effect twice, and the checker finds a key whose history cannot be explained.
// Here on k1, c2's put of "2.16" lands (a get reads "2.16"), c1 appends "1.23", and then c2's retry of the same
// put lands again and wipes the append out: after c3 appends "3.16" a get reads "2.163.16", without "1.23". One
// operation, two effects.
cluster 5, seed: 2
bug 'no-dedup', 'on'
lossy()
check
