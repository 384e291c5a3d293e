package raftlab.check.invariant;

import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;

/**
 * Term Origin: a term comes into being only when some node becomes a candidate in it; every other node reaches it by
 * hearing of it. A term that no candidate started was made up by a message that should have moved no one's term,
 * such as a PreVote (whose whole point, section 9.6 of the dissertation, is that asking does not disrupt).
 */
public final class TermOrigin implements Invariant {
    public static final String PROPERTY = "Term Origin";

    /** Terms at or below this were reached before checking began: taken as started by someone. */
    private final long floor;
    /** 1 for each term some node started by becoming a candidate. */
    private final TermTable started = new TermTable();
    /** Per node, the last term judged, so a node is looked at only when its term moves. */
    private final long[] judged;

    public TermOrigin(Watch w) {
        long max = 0;
        judged = new long[w.capacity() + 1];
        for (int id = 1; id <= w.size(); id++) {
            max = Math.max(max, w.cluster().disk(id).currentTerm());
            RaftNode n = w.node(id);
            if (n != null) {
                max = Math.max(max, n.currentTerm());
            }
        }
        floor = max;
    }

    @Override
    public void nodeEvent(Watch w, NodeEvent e) {
        if (e.kind() == EventKind.ROLE && e.role() == Role.CANDIDATE) {
            started.put(e.term(), 1);
        }
    }

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftNode n = w.node(id);
            if (n == null || n.currentTerm() == judged[id]) {
                continue;
            }
            long term = n.currentTerm();
            judged[id] = term;
            if (term > floor && started.get(term) == 0) {
                w.report(PROPERTY, "term " + term, "n" + id + " is in term " + term
                        + ", which no node started by becoming a candidate");
            }
        }
    }
}
