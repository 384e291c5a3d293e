package raftlab.check.invariant;

import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;

/**
 * Leader Completeness: an entry committed in a term is in the log of every leader of a later term. Judged when a
 * leader is elected, against every entry known committed then ({@link Commitments}: stored on a majority by its
 * term's leader, or claimed by some node's commitIndex), and again whenever an entry becomes committed, against the
 * leaders of later terms that lead at that moment (a commit can be recognised after a later leader was elected).
 */
public final class LeaderCompleteness implements Invariant {
    public static final String PROPERTY = "Leader Completeness";

    @Override
    public void nodeEvent(Watch w, NodeEvent e) {
        if (e.kind() == EventKind.ROLE && e.role() == Role.LEADER) {
            check(w, e.node(), e.term(), 1, true);
        }
    }

    @Override
    public void afterEvent(Watch w) {
        long from = w.commitments().newFrom();
        if (from == Long.MAX_VALUE) {
            return;
        }
        for (int id = 1; id <= w.size(); id++) {
            RaftNode n = w.node(id);
            if (n != null && n.role() == Role.LEADER) {
                check(w, id, n.currentTerm(), from, false);
            }
        }
    }

    /** {@code elected}: judged as the leader is elected (else as entries become committed while it leads). */
    private static void check(Watch w, int id, long leaderTerm, long from, boolean elected) {
        Commitments c = w.commitments();
        RaftLogView log = w.log(id);
        // Indexes its snapshot replaced are not judged: SnapshotCommitted judges that the snapshot ends as committed.
        for (long k = Math.max(from, log.snapshotIndex() + 1); k <= c.size(); k++) {
            if (c.term(k) >= leaderTerm) {
                continue; // committed in this leader's term or later: not a promise to this leader
            }
            if (k > log.lastIndex() || !Describe.same(log.get(k), c.entry(k))) {
                String doing = (elected ? "became leader of term " : "leads term ") + leaderTerm;
                w.report(PROPERTY, "term " + leaderTerm, "n" + id + " " + doing + " without index " + k + " ("
                        + Describe.entry(c.entry(k)) + "), " + c.why(k) + (k > log.lastIndex()
                        ? "; its log ends at " + log.lastIndex() : "; it has " + Describe.entry(log.get(k)) + " there"));
                return;
            }
        }
    }
}
