package raftlab.check.invariant;

import raftlab.raft.RaftNode;

/**
 * A node never removes or replaces an entry at or below its own commitIndex: it has told the world (and may have
 * told clients) that the entry is final.
 */
public final class CommittedEntryKept implements Invariant {
    public static final String PROPERTY = "Committed Entry Kept";

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftNode n = w.node(id);
            long lost = w.lostFrom(id);
            if (n != null && lost <= w.commitBefore(id)) {
                w.report(PROPERTY, "n" + id + "#" + w.generation(id) + "@" + lost, "n" + id + " removed or replaced"
                        + " index " + lost + " (" + Describe.entry(w.entryBefore(id, lost)) + "), at or below its"
                        + " commitIndex " + w.commitBefore(id) + "; its log now ends at " + n.log().lastIndex());
            }
        }
    }
}
