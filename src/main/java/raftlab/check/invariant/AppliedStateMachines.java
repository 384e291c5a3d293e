package raftlab.check.invariant;

import java.util.ArrayList;
import java.util.Map;

import raftlab.raft.Command;
import raftlab.raft.EventKind;
import raftlab.raft.KvStore;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;

/**
 * State Machine Safety, judged on what the nodes applied rather than on what they say: whenever a node's
 * lastApplied moves, the commands it passed over are compared with what the first node to apply each index applied,
 * and its state machine is compared with a reference that applied exactly that sequence. An index applied out of
 * turn (skipped) changes the state, or shows in the node's apply reports as a gap.
 */
public final class AppliedStateMachines implements Invariant {
    public static final String PROPERTY = "State Machine Safety";

    /** The applied sequence, index k at k - 1, by the first node to apply each index. */
    private final ArrayList<Command> applied = new ArrayList<>();
    private final ArrayList<Integer> appliedBy = new ArrayList<>();
    /** A fingerprint of the reference state machine after each index (index 0 is the empty state); prints long. */
    private long[] print = new long[64];
    private int prints;
    /** Built with the lab's bugs, as the nodes' stores are: no-dedup is the state machine's bug, not the log's. */
    private final KvStore reference;
    private final java.util.Set<raftlab.raft.Bug> bugs;

    private final int[] generation;
    private final long[] seenApplied;
    private final long[] reportedApplied;
    /** A node whose state already differs: not compared again until it restarts. */
    private final boolean[] diverged;

    public AppliedStateMachines(Watch w) {
        bugs = w.cluster().bugs();
        reference = new KvStore(bugs);
        int n = w.size();
        int cap = w.capacity() + 1;
        generation = new int[cap];
        seenApplied = new long[cap];
        reportedApplied = new long[cap];
        diverged = new boolean[cap];
        addPrint(reference.fingerprint());
        // Take the present as given: the most advanced node's applied sequence is the reference.
        int best = 0;
        for (int id = 1; id <= n; id++) {
            RaftNode node = w.node(id);
            if (node != null) {
                seenApplied[id] = node.lastApplied();
                reportedApplied[id] = node.lastApplied();
                generation[id] = w.generation(id);
                if (best == 0 || node.lastApplied() > w.node(best).lastApplied()) {
                    best = id;
                }
            }
        }
        if (best != 0) {
            RaftNode node = w.node(best);
            for (long k = 1; k <= Math.min(node.lastApplied(), node.log().lastIndex()); k++) {
                if (k <= node.log().snapshotIndex()) {
                    continue; // compacted before checking began: no reference for it
                }
                if (applied.size() < k - 1) {
                    break;
                }
                extend(node.log().get(k).command(), best);
            }
        }
    }

    private void sync(Watch w, int id) {
        if (generation[id] != w.generation(id)) {
            generation[id] = w.generation(id);
            // A node restarts with what its snapshot covers applied already.
            long snap = w.node(id) == null ? 0 : w.log(id).snapshotIndex();
            seenApplied[id] = snap;
            reportedApplied[id] = snap;
            diverged[id] = false;
        }
    }

    @Override
    public void nodeEvent(Watch w, NodeEvent e) {
        if (e.kind() == EventKind.SNAPSHOT && e.peer() != 0) {
            sync(w, e.node());
            // An installed snapshot applies everything it covers at once.
            reportedApplied[e.node()] = Math.max(reportedApplied[e.node()], e.a());
            return;
        }
        if (e.kind() != EventKind.APPLY) {
            return;
        }
        int id = e.node();
        sync(w, id);
        if (e.a() != reportedApplied[id] + 1) {
            w.report(PROPERTY, "gap n" + id + "#" + generation[id] + "@" + e.a(), "n" + id + " applied index " + e.a()
                    + " right after index " + reportedApplied[id] + (e.a() > reportedApplied[id] + 1
                    ? ": index " + (reportedApplied[id] + 1) + " was skipped" : ": an index applied twice"));
        }
        reportedApplied[id] = Math.max(reportedApplied[id], e.b());
    }

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            sync(w, id);
            RaftNode n = w.node(id);
            if (n == null) {
                continue;
            }
            long now = n.lastApplied();
            if (now != seenApplied[id] && !diverged[id]) {
                compare(w, id, n, now);
            }
            seenApplied[id] = now;
        }
    }

    private void compare(Watch w, int id, RaftNode n, long now) {
        RaftLogView log = n.log();
        for (long k = seenApplied[id] + 1; k <= now; k++) {
            if (k > log.lastIndex()) {
                w.report(PROPERTY, "beyond n" + id + "#" + generation[id], "n" + id + " applied up to index " + now
                        + " but its log ends at " + log.lastIndex());
                diverged[id] = true;
                return;
            }
            var entry = w.entry(id, k); // the committed entry, where a snapshot replaced it on this node
            if (entry == null) {
                continue; // replaced by a snapshot before checking began: nothing to compare with
            }
            Command c = entry.command();
            if (k > applied.size()) {
                if (k > applied.size() + 1) {
                    continue; // the reference has a gap (compacted before checking began)
                }
                extend(c, id);
            } else if (applied.get((int) k - 1) != null && applied.get((int) k - 1) != c
                    && !applied.get((int) k - 1).equals(c)) { // usually one object: entries travel by reference
                Command first = applied.get((int) k - 1);
                w.report(PROPERTY, "apply " + k, "n" + appliedBy.get((int) k - 1) + " applied "
                        + Describe.command(first, c) + " at index " + k + " but n" + id + " applied "
                        + Describe.command(c, first) + " at index " + k);
                diverged[id] = true;
                return;
            }
        }
        if (now < prints && fingerprint(n.stateMachine()) != print[(int) now]) {
            w.report(PROPERTY, "state n" + id + "#" + generation[id], "n" + id + "'s state machine at applied index "
                    + now + " is " + n.stateMachine().view() + " but applying indexes 1.." + now + " in order gives "
                    + replay(now));
            diverged[id] = true;
        }
    }

    private void extend(Command c, int by) {
        applied.add(c);
        appliedBy.add(by);
        reference.apply(c);
        addPrint(reference.fingerprint());
    }

    private void addPrint(long p) {
        if (prints == print.length) {
            print = java.util.Arrays.copyOf(print, prints * 2);
        }
        print[prints++] = p;
    }

    private Map<String, String> replay(long upTo) {
        KvStore kv = new KvStore(bugs);
        for (int k = 0; k < upTo; k++) {
            kv.apply(applied.get(k));
        }
        return kv.view();
    }

    /**
     * A 64-bit digest of a state machine's contents, so states can be compared without copies: the lab's key-value
     * store keeps its own up to date; any other state machine is walked.
     */
    static long fingerprint(raftlab.raft.StateMachine sm) {
        return sm instanceof KvStore kv ? kv.fingerprint() : KvStore.fingerprint(sm.view());
    }
}
