package raftlab.check.invariant;

import raftlab.raft.RaftNode;

/** A node's commitIndex never points past the end of its own log: commitIndex <= lastIndex. */
public final class CommitWithinLog implements Invariant {
    public static final String PROPERTY = "Commit Within Log";

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftNode n = w.node(id);
            if (n != null && n.commitIndex() > n.log().lastIndex()) {
                w.report(PROPERTY, "n" + id + "#" + w.generation(id), "n" + id + "'s commitIndex is "
                        + n.commitIndex() + " but its log ends at " + n.log().lastIndex());
            }
        }
    }
}
