package raftlab.check.invariant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import raftlab.raft.Entry;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;

/**
 * What the invariants share: the cluster, its majority, and for every node what it looked like at the last look
 * (after the previous event) beside what it looks like now. Logs are compared with a copy of the entries seen last
 * time, so a change is found exactly, whether or not the node reported it. Reports go to a {@link Sink}.
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
    private final long[] changedFrom;
    private final long[] lostFrom;
    private final long[] commitBefore;
    private final long[] appliedBefore;
    private final long[] ledTermBefore;

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
        for (int id = 0; id <= capacity; id++) {
            shadow.add(new ArrayList<>());
            changedFrom[id] = 1;
            lostFrom[id] = Long.MAX_VALUE;
        }
        for (int id = 1; id <= cluster.size(); id++) {
            RaftNode n = cluster.node(id);
            seen[id] = n;
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
            generation[id]++;
            commitBefore[id] = 0;
            appliedBefore[id] = 0;
            ledTermBefore[id] = -1;
        }
    }

    /** Compares every node with the last look; call once per event, before the invariants judge. */
    public void look() {
        for (int id = 1; id <= cluster.size(); id++) {
            sync(id);
            RaftLogView log = cluster.disk(id).log();
            List<Entry> old = shadow.get(id);
            long last = log.lastIndex();
            // Below a snapshot there are no entries to compare: compaction is no change, and what a snapshot replaced
            // was committed, so it is taken as the same.
            long floor = log.snapshotIndex();
            if (last == old.size() && (last <= floor || log.get(last) == old.get((int) last - 1))) {
                changedFrom[id] = last + 1; // the usual case: nothing changed
                lostFrom[id] = Long.MAX_VALUE;
                continue;
            }
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
    }

    /** Makes the present the last look. */
    public void remember() {
        for (int id = 1; id <= cluster.size(); id++) {
            RaftLogView log = cluster.disk(id).log();
            List<Entry> old = shadow.get(id);
            long keep = changedFrom[id] - 1;
            if (old.size() > keep) {
                old.subList((int) keep, old.size()).clear();
            }
            for (long k = keep + 1; k <= log.lastIndex(); k++) {
                old.add(entry(id, k));
            }
            changedFrom[id] = log.lastIndex() + 1;
            lostFrom[id] = Long.MAX_VALUE;
            RaftNode n = seen[id];
            commitBefore[id] = n == null ? 0 : n.commitIndex();
            appliedBefore[id] = n == null ? 0 : n.lastApplied();
            ledTermBefore[id] = n != null && n.role() == Role.LEADER ? n.currentTerm() : -1;
        }
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
