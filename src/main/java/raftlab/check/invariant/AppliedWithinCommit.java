package raftlab.check.invariant;

import raftlab.raft.RaftNode;

/** A node applies only what it has committed: lastApplied <= commitIndex. */
public final class AppliedWithinCommit implements Invariant {
    public static final String PROPERTY = "Applied <= Committed";

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftNode n = w.node(id);
            if (n != null && n.lastApplied() > n.commitIndex()) {
                // Keyed by the applied index too: applying past the commit index again, later, is a new breach.
                w.report(PROPERTY, "n" + id + "#" + w.generation(id) + "@" + n.lastApplied(), "n" + id + " applied up to index "
                        + n.lastApplied() + " but has committed only up to " + n.commitIndex());
            }
        }
    }
}
