package raftlab.check.invariant;

import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;

/**
 * Transfer Readiness: a leader sends TimeoutNow only to a node whose log already holds every entry of the leader's
 * (section 3.10 of the dissertation). Judged from the two logs as they are, not from what the leader believes; a
 * target that lacks entries starts an election it cannot win, and the leader has stopped taking requests for nothing.
 */
public final class TransferReadiness implements Invariant {
    public static final String PROPERTY = "Transfer Readiness";

    @Override
    public void nodeEvent(Watch w, NodeEvent e) {
        if (e.kind() != EventKind.TRANSFER || e.a() != 2) {
            return; // only the TimeoutNow step
        }
        RaftNode leader = w.node(e.node());
        RaftLogView target = w.log(e.peer());
        RaftLogView own = leader.log();
        long last = own.lastIndex();
        boolean holds = target.lastIndex() >= last && holdsAt(target, last, own.termAt(last));
        if (!holds) {
            w.report(PROPERTY, "term " + e.term() + " n" + e.peer(), "n" + e.node() + " sends TimeoutNow to n"
                    + e.peer() + " in term " + e.term() + ", but n" + e.peer() + "'s log ends at "
                    + target.lastIndex() + "/" + target.termAt(Math.min(target.lastIndex(), last))
                    + " and lacks the leader's entries up to " + last + "/" + own.termAt(last));
        }
    }

    /**
     * Whether {@code log} has an entry of {@code term} at {@code index}. An index its snapshot covered is judged by
     * the snapshot's last term when it is that index; below it the entry is gone, and the target's snapshot holds
     * committed entries beyond the leader's whole log: a target that far ahead can win, so it counts as ready.
     */
    private static boolean holdsAt(RaftLogView log, long index, long term) {
        if (index > log.snapshotIndex()) {
            return log.termAt(index) == term;
        }
        return index < log.snapshotIndex() || log.snapshotTerm() == term;
    }

    @Override
    public void afterEvent(Watch w) {
        // Judged when TimeoutNow is sent.
    }
}
