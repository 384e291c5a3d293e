package raftlab.check.invariant;

import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;

/** Election Safety: at most one leader per term, over the whole run (a leader that is gone still counts). */
public final class ElectionSafety implements Invariant {
    public static final String PROPERTY = "Election Safety";

    /** Term -> the node that became leader in it. */
    private final TermTable leaderOfTerm = new TermTable();

    public ElectionSafety(Watch w) {
        for (int id = 1; id <= w.size(); id++) {
            RaftNode n = w.node(id);
            if (n != null && n.role() == Role.LEADER) {
                if (leaderOfTerm.get(n.currentTerm()) == 0) {
                    leaderOfTerm.put(n.currentTerm(), id);
                }
            }
        }
    }

    @Override
    public void nodeEvent(Watch w, NodeEvent e) {
        if (e.kind() != EventKind.ROLE || e.role() != Role.LEADER) {
            return;
        }
        int before = leaderOfTerm.get(e.term());
        if (before == 0) {
            leaderOfTerm.put(e.term(), e.node());
        } else if (before != e.node()) {
            w.report(PROPERTY, "term " + e.term() + " n" + e.node(), "n" + before + " and n" + e.node()
                    + " both became leader of term " + e.term());
        }
    }

    @Override
    public void afterEvent(Watch w) {
        // Judged as leaders are elected.
    }
}
