package raftlab.check.invariant;

import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;

/** Leader Append-Only: while a node leads a term, its log only grows. */
public final class LeaderAppendOnly implements Invariant {
    public static final String PROPERTY = "Leader Append-Only";

    @Override
    public void nodeEvent(Watch w, NodeEvent e) {
        if (e.kind() == EventKind.TRUNCATE && e.role() == Role.LEADER) {
            w.report(PROPERTY, "n" + e.node() + " term " + e.term(), "n" + e.node() + ", leader of term " + e.term()
                    + ", removed " + e.b() + " entries of its own log from index " + e.a());
        }
    }

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftNode n = w.node(id);
            long led = w.ledTermBefore(id);
            if (n != null && n.role() == Role.LEADER && n.currentTerm() == led && w.lostFrom(id) != Long.MAX_VALUE) {
                w.report(PROPERTY, "n" + id + " term " + led, "n" + id + ", leader of term " + led
                        + ", lost or changed entries of its own log from index " + w.lostFrom(id));
            }
        }
    }
}
