package raftlab.check.invariant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import raftlab.raft.Entry;
import raftlab.raft.NodeFactory;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;

/**
 * What the invariants share: the cluster, its majority, and for every node what it looked like at the last look
 * (after the previous event) beside what it looks like now. Logs are compared with a copy of the entries seen last
 * time, so a change is found exactly, whether or not the node reported it. Reports go to a {@link Sink}.
 *
 * <p>Only the nodes the cluster says it touched since the last look ({@link Cluster#touches}) are compared: a node
 * the lab's own code runs changes only when the cluster steps, boots or stops it, and most events touch one node. A
 * node of any other implementation (a learner's, or one wrapped by a test) might change behind the cluster's back,
 * through state its nodes share, so once one is seen every node is compared at every look. With {@link #verifying}
 * on (Java assertions enabled, as in the tests), every node is compared anyway and an untouched one that changed
 * stops the run: the cluster forgot to say it touched it.
 */
public final class Watch {
    /** Where breaches go, with a key that says when two reports are the same breach. */
    public interface Sink {
        void report(String property, String key, String detail);
    }

    private final Cluster cluster;
    /** Per-node arrays have room for every id a cluster can have: nodes may join while it runs. */
    private final int capacity = Cluster.CAPACITY;
    private final Majority majority;
    private final Sink sink;
    private final Commitments commitments;

    // Per node, indexed by id. A restart makes a new RaftNode object: that is how one is told apart.
    private final RaftNode[] seen;
    private final int[] generation;
    private final List<List<Entry>> shadow = new ArrayList<>();
    /** Per node, the length of its shadow and the shadow's last entry (null if empty): the usual look reads these. */
    private final long[] lengthBefore;
    private final Entry[] endBefore;
    private final long[] changedFrom;
    private final long[] lostFrom;
    private final long[] commitBefore;
    private final long[] appliedBefore;
    private final long[] ledTermBefore;
    /**
     * What else of each node the invariants read, as it was at the last look, so that {@link #look} can tell which
     * nodes changed at all: most events change one node, and the per-node invariants look only at those.
     */
    private final int[] generationBefore;
    private final long[] termBefore;
    private final Role[] roleBefore;
    private final long[] snapshotBefore;
    private final long[] snapshotTermBefore;
    /** The end of the log the node itself reports (its disk's, for a correct node; checked against commitIndex). */
    private final long[] ownLastBefore;
    /** The nodes that changed since the last look, in id order: {@code changed[0..changedCount)}. */
    private final int[] changed;
    private int changedCount;
    /** How many nodes there were at the last look: a node that joined since is new to every invariant. */
    private int sizeBefore;
    /** Per node, {@link Cluster#touches} at the last look that compared it. */
    private final long[] touchesBefore;
    /** Whether every node seen so far is the lab's own: then an untouched node is as it was (see the class comment). */
    private boolean onlyReference = true;
    /** Whether untouched nodes are compared too, to prove that they did not change (see {@link #verifying}). */
    private final boolean verify = verifying();

    public Watch(Cluster cluster, Sink sink) {
        this.cluster = cluster;
        this.majority = new Majority(cluster.voters());
        this.sink = sink;
        seen = new RaftNode[capacity + 1];
        generation = new int[capacity + 1];
        changedFrom = new long[capacity + 1];
        lostFrom = new long[capacity + 1];
        commitBefore = new long[capacity + 1];
        appliedBefore = new long[capacity + 1];
        ledTermBefore = new long[capacity + 1];
        Arrays.fill(ledTermBefore, -1);
        generationBefore = new int[capacity + 1];
        termBefore = new long[capacity + 1];
        roleBefore = new Role[capacity + 1];
        snapshotBefore = new long[capacity + 1];
        snapshotTermBefore = new long[capacity + 1];
        ownLastBefore = new long[capacity + 1];
        changed = new int[capacity + 1];
        lengthBefore = new long[capacity + 1];
        endBefore = new Entry[capacity + 1];
        touchesBefore = new long[capacity + 1];
        // sizeBefore stays 0: at the first look every node is new, so every invariant judges every node once.
        for (int id = 0; id <= capacity; id++) {
            shadow.add(new ArrayList<>());
            changedFrom[id] = 1;
            lostFrom[id] = Long.MAX_VALUE;
        }
        for (int id = 1; id <= cluster.size(); id++) {
            RaftNode n = cluster.node(id);
            seen[id] = n;
            if (n != null && !NodeFactory.isReference(n)) {
                onlyReference = false;
            }
            if (n != null) {
                commitBefore[id] = n.commitIndex();
                appliedBefore[id] = n.lastApplied();
            }
        }
        this.commitments = new Commitments(this);
    }

    /** Whether {@code index} of the node's log was replaced by a snapshot. */
    public boolean compacted(int id, long index) {
        return index <= log(id).snapshotIndex();
    }

    // ---------------------------------------------------------------------------------------------- the look

    /** Notices a crash (the node is gone) or a restart (a new node object, with fresh volatile state). */
    public void sync(int id) {
        RaftNode n = cluster.node(id);
        if (n != seen[id]) {
            seen[id] = n;
            if (n != null && !NodeFactory.isReference(n)) {
                onlyReference = false;
            }
            generation[id]++;
            commitBefore[id] = 0;
            appliedBefore[id] = 0;
            ledTermBefore[id] = -1;
        }
    }

    /**
     * Whether watches made now check that the cluster names every node that changed: each look then compares every
     * node, not only those touched, and throws if an untouched one changed. On when Java assertions are (as in the
     * tests); it costs what comparing every node costs.
     */
    public static boolean verifying() {
        return Watch.class.desiredAssertionStatus();
    }

    /**
     * Compares every node the cluster touched since the last look with that look; call once per event, before the
     * invariants judge. Also lists the nodes in which anything an invariant reads changed ({@link #changedCount},
     * {@link #changed}).
     */
    public void look() {
        int size = cluster.size();
        changedCount = 0;
        for (int id = 1; id <= size; id++) {
            long touches = cluster.touches(id);
            if (touches == touchesBefore[id] && id <= sizeBefore && onlyReference) {
                // As it was at the last look, where changedFrom and lostFrom were left saying "no change".
                if (verify) {
                    requireUnchanged(id);
                }
                continue;
            }
            touchesBefore[id] = touches;
            sync(id);
            RaftLogView log = cluster.disk(id).log();
            long last = log.lastIndex();
            // Below a snapshot there are no entries to compare: compaction is no change, and what a snapshot replaced
            // was committed, so it is taken as the same.
            long floor = log.snapshotIndex();
            if (last == lengthBefore[id] && (last <= floor || log.get(last) == endBefore[id])) {
                changedFrom[id] = last + 1; // the usual case: nothing changed
                lostFrom[id] = Long.MAX_VALUE;
                if (id <= sizeBefore && same(id, log, floor)) {
                    continue; // nothing at all changed on this node
                }
                changed[changedCount++] = id;
                continue;
            }
            changed[changedCount++] = id;
            List<Entry> old = shadow.get(id);
            long same = Math.min(old.size(), last);
            // Appends leave the old end in place; anything else changed the end (a truncation, or a rewrite).
            if (same > floor && log.get(same) != old.get((int) same - 1)) {
                long k = floor + 1;
                while (k <= same && log.get(k) == old.get((int) k - 1)) {
                    k++;
                }
                same = k - 1;
            }
            changedFrom[id] = same + 1;
            lostFrom[id] = same < old.size() ? same + 1 : Long.MAX_VALUE;
        }
        sizeBefore = size;
    }

    /** Throws unless node {@code id}, which the cluster did not touch since the last look, is exactly as it was then. */
    private void requireUnchanged(int id) {
        RaftLogView log = cluster.disk(id).log();
        long last = log.lastIndex();
        long floor = log.snapshotIndex();
        if (cluster.node(id) != seen[id] || last != lengthBefore[id]
                || last > floor && log.get(last) != endBefore[id] || !same(id, log, floor)) {
            throw new IllegalStateException("n" + id + " changed during `" + cluster.lastEvent() + "` but the cluster"
                    + " did not count it as touched (Cluster.touches): the safety checks would have missed it");
        }
    }

    /** Whether node {@code id}, whose log entries did not change, is as it was at the last look in all else. */
    private boolean same(int id, RaftLogView log, long floor) {
        if (generation[id] != generationBefore[id] || floor != snapshotBefore[id]
                || log.snapshotTerm() != snapshotTermBefore[id]) {
            return false;
        }
        RaftNode n = seen[id];
        return n == null || n.commitIndex() == commitBefore[id] && n.lastApplied() == appliedBefore[id]
                && n.currentTerm() == termBefore[id] && n.role() == roleBefore[id]
                && n.log().lastIndex() == ownLastBefore[id];
    }

    /** How many nodes changed since the last look (see {@link #changed}). */
    public int changedCount() {
        return changedCount;
    }

    /**
     * The {@code i}th node, in id order, in which something changed since the last look: its log on disk or the end
     * of the one it reports, commitIndex, lastApplied, term, role or snapshot, or the node itself (a crash or
     * restart), or it joined. A node not listed
     * is exactly as it was, so a property judged only on one node's own state cannot have become false on it.
     */
    public int changed(int i) {
        return changed[i];
    }

    /** Makes the present the last look (a node not changed since it is as it was). */
    public void remember() {
        for (int i = 0; i < changedCount; i++) {
            int id = changed[i];
            RaftLogView log = cluster.disk(id).log();
            List<Entry> old = shadow.get(id);
            long keep = changedFrom[id] - 1;
            if (old.size() > keep) {
                old.subList((int) keep, old.size()).clear();
            }
            for (long k = keep + 1; k <= log.lastIndex(); k++) {
                old.add(entry(id, k));
            }
            lengthBefore[id] = old.size();
            endBefore[id] = old.isEmpty() ? null : old.get(old.size() - 1);
            changedFrom[id] = log.lastIndex() + 1;
            lostFrom[id] = Long.MAX_VALUE;
            RaftNode n = seen[id];
            commitBefore[id] = n == null ? 0 : n.commitIndex();
            appliedBefore[id] = n == null ? 0 : n.lastApplied();
            ledTermBefore[id] = n != null && n.role() == Role.LEADER ? n.currentTerm() : -1;
            termBefore[id] = n == null ? 0 : n.currentTerm();
            roleBefore[id] = n == null ? null : n.role();
            generationBefore[id] = generation[id];
            snapshotBefore[id] = log.snapshotIndex();
            snapshotTermBefore[id] = log.snapshotTerm();
            ownLastBefore[id] = n == null ? 0 : n.log().lastIndex();
        }
        changedCount = 0;
    }

    // ---------------------------------------------------------------------------------------------- queries

    public Cluster cluster() {
        return cluster;
    }

    /** How many nodes there are now (ids 1..size): it grows when a node joins. */
    public int size() {
        return cluster.size();
    }

    /** The most node ids there can ever be: how big per-node arrays must be. */
    public int capacity() {
        return capacity;
    }

    /**
     * The majority of the configuration the cluster started with. Invariants that count a majority of nodes judge it
     * against the configuration in force instead ({@link Commitments#configAt}), since membership may change.
     */
    public Majority majority() {
        return majority;
    }

    public Commitments commitments() {
        return commitments;
    }

    /** The live node, or null if it is down. */
    public RaftNode node(int id) {
        return cluster.node(id);
    }

    /** Counts the node's crashes and restarts: per-node memory is reset when this changes. */
    public int generation(int id) {
        return generation[id];
    }

    /** The node's log on its disk (there while it is down). */
    public RaftLogView log(int id) {
        return cluster.disk(id).log();
    }

    /** The first index whose entry is new or replaced since the last look (lastIndex + 1 if none). */
    public long changedFrom(int id) {
        return changedFrom[id];
    }

    /** The first index of the last look's log whose entry is gone or replaced now, or Long.MAX_VALUE. */
    public long lostFrom(int id) {
        return lostFrom[id];
    }

    /** How long the node's log was at the last look. */
    public long lengthBefore(int id) {
        return shadow.get(id).size();
    }

    /**
     * The entry at {@code index} of the node's log as it stands, even where a snapshot replaced it: there, the entry
     * known committed at that index, else the one seen there last (null if neither is known).
     */
    public Entry entry(int id, long index) {
        RaftLogView log = log(id);
        if (index > log.snapshotIndex()) {
            return log.get(index);
        }
        if (commitments != null && index <= commitments.size()) {
            return commitments.entry(index);
        }
        List<Entry> old = shadow.get(id);
        return index <= old.size() ? old.get((int) index - 1) : null;
    }

    /** The entry the node held at {@code index} at the last look (index <= lengthBefore). */
    public Entry entryBefore(int id, long index) {
        return shadow.get(id).get((int) index - 1);
    }

    /** commitIndex at the last look (0 after a crash or restart). */
    public long commitBefore(int id) {
        return commitBefore[id];
    }

    /** lastApplied at the last look (0 after a crash or restart). */
    public long appliedBefore(int id) {
        return appliedBefore[id];
    }

    /** The term the node led at the last look, or -1. */
    public long ledTermBefore(int id) {
        return ledTermBefore[id];
    }

    public void report(String property, String key, String detail) {
        sink.report(property, key, detail);
    }
}
