package raftlab.check.invariant;

import raftlab.raft.RaftNode;

/** commitIndex and lastApplied never go back on a live node (a restart starts them again from 0). */
public final class MonotonicCommit implements Invariant {
    public static final String PROPERTY = "Monotonic Commit";

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftNode n = w.node(id);
            if (n == null) {
                continue;
            }
            if (n.commitIndex() < w.commitBefore(id)) {
                w.report(PROPERTY, "commit " + at(w, id), "n" + id + "'s commitIndex went back from " + w.commitBefore(id)
                        + " to " + n.commitIndex());
            }
            if (n.lastApplied() < w.appliedBefore(id)) {
                w.report(PROPERTY, "applied " + at(w, id), "n" + id + "'s lastApplied went back from " + w.appliedBefore(id)
                        + " to " + n.lastApplied());
            }
        }
    }

    /** Each going-back is its own breach: keyed by node, restart and time. */
    private static String at(Watch w, int id) {
        return "n" + id + "#" + w.generation(id) + "@" + w.cluster().now();
    }
}
