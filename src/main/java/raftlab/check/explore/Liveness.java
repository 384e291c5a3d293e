package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import raftlab.check.Workload;
import raftlab.raft.Configuration;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;
import raftlab.sim.Network;

/**
 * The liveness phase that follows a schedule: once its faults are over, everything is repaired (the network healed,
 * loss, duplication and latency back to normal, every node restarted), the clients finish what they are doing and
 * make one final write each ({@link Workload#drain}), and within a bound the cluster must settle: one leader that
 * every other node follows, every client operation answered, and the same state machine, at the same applied index,
 * on every node.
 */
public final class Liveness {
    /** How many election timeouts (at their longest) the cluster gets to settle. */
    public static final int TIMEOUTS = 20;
    /** How often the settled state is looked for, in virtual ms. */
    static final long STEP = 10;

    private Liveness() {
    }

    /** The bound, in virtual ms, for a cluster whose longest election timeout is {@code electionMax}. */
    public static long bound(long electionMax) {
        return TIMEOUTS * electionMax;
    }

    /**
     * Repairs everything the schedule may have left broken, as the lab commands of {@link #commands} do (with
     * {@code t.latency()} as their normal latency).
     */
    static void repair(Cluster c, Timing t) {
        Network net = c.network();
        net.heal();
        net.setLoss(0, 0, 0);
        net.setDupe(0);
        net.setLatency(t.latencyMin(), t.latencyMax()); // as "latency " + t.latency() does
        for (int id = 1; id <= c.size(); id++) {
            if (!c.isUp(id)) {
                c.restart(id);
            }
        }
    }

    /** The lab commands that do what {@link #repair} does, for nodes {@code down} still down at the end. */
    static List<String> commands(List<Integer> down, String normalLatency, boolean clients, long bound) {
        List<String> out = new ArrayList<>();
        out.add("# The faults are over: repair everything, let the clients finish, and wait for the cluster to settle.");
        out.add("heal");
        out.add("loss 0");
        out.add("dupe 0");
        out.add("latency " + normalLatency);
        for (int id : down) {
            out.add("restart " + id);
        }
        if (clients) {
            out.add("clients drain");
        }
        out.add("tick " + bound);
        return out;
    }

    /**
     * Runs the cluster until it has settled or {@code bound} ms have passed; returns null if it settled, or what
     * was still wrong at the bound. {@code noop}: whether new leaders append a no-op. Without one, Raft as specified
     * lets a node stay ahead: a new leader commits an entry an earlier leader left only together with a write of
     * its own, and if the last client write came before that leader was elected, none comes (the reason the paper
     * adds the no-op). Such a node is accepted, as long as what it is ahead by is that leader's older-term tail.
     */
    static String settle(Cluster c, Workload w, long bound, boolean noop) {
        long deadline = c.now() + bound;
        // Between steps only whether it settled matters: what is wrong is put in words once, at the bound.
        boolean settled = unsettled(c, w, noop, false) == null;
        while (!settled && c.now() < deadline) {
            c.tick(Math.min(STEP, deadline - c.now()));
            settled = unsettled(c, w, noop, false) == null;
        }
        String wrong = settled ? null : unsettled(c, w, noop, true);
        return wrong == null ? null : "after the faults ended, the cluster did not settle within " + bound + "ms ("
                + TIMEOUTS + " election timeouts): " + wrong;
    }

    /** What keeps the cluster from being settled now, or null if it is. */
    static String unsettled(Cluster c, Workload w, boolean noop) {
        return unsettled(c, w, noop, true);
    }

    /** Stands for what is wrong when it is not asked for in words. */
    private static final String UNSETTLED = "unsettled";

    /** As {@link #unsettled(Cluster, Workload, boolean)}; {@code say}: false to get {@link #UNSETTLED} instead. */
    private static String unsettled(Cluster c, Workload w, boolean noop, boolean say) {
        List<Integer> leaders = c.leaders();
        if (leaders.size() != 1) {
            return !say ? UNSETTLED : leaders.isEmpty() ? "no leader" : "more than one node leads: " + leaders;
        }
        int leader = leaders.get(0);
        RaftNode l = c.node(leader);
        Configuration config = l.configuration();
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.node(id);
            if (n == null) {
                return say ? "n" + id + " is down" : UNSETTLED;
            }
            if (config != null && !config.contains(id)) {
                continue; // removed, or joined by a change that was lost: the leader owes it nothing
            }
            if (id != leader && (n.role() != Role.FOLLOWER || n.currentTerm() != l.currentTerm()
                    || n.leaderId() != leader)) {
                return say ? "n" + id + " does not follow n" + leader + ", leader of term " + l.currentTerm()
                        : UNSETTLED;
            }
        }
        int waiting = w == null ? 0 : w.waiting();
        if (waiting > 0) {
            return say ? waiting + " client" + (waiting == 1 ? " is" : "s are") + " still waiting for an answer"
                    : UNSETTLED;
        }
        SortedMap<String, String> state = l.stateMachine().view();
        long commit = l.commitIndex();
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.node(id);
            if (config != null && !config.contains(id)) {
                continue;
            }
            long applied = n.lastApplied();
            if (applied > commit && !noop && olderTermTail(l, commit, applied)) {
                continue; // ahead by entries this leader holds but may not commit without a write of its own
            }
            if (applied != commit || !n.stateMachine().view().equals(state)) {
                return !say ? UNSETTLED : "n" + id + " has applied up to index " + applied + ", but n" + leader
                        + " has committed up to " + commit + (applied == commit ? " and their state machines differ" : "");
            }
        }
        return null;
    }

    /** Whether the leader holds indexes (from, to] and all are of terms before its own. */
    private static boolean olderTermTail(RaftNode leader, long from, long to) {
        if (to > leader.log().lastIndex()) {
            return false;
        }
        for (long k = Math.max(from + 1, leader.log().snapshotIndex()); k <= to; k++) {
            if (leader.log().termAt(k) >= leader.currentTerm()) {
                return false;
            }
        }
        return true;
    }
}
