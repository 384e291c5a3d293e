package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import raftlab.check.Workload;
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

    /** Repairs everything the schedule may have left broken, as the lab commands of {@link #commands} do. */
    static void repair(Cluster c, String normalLatency) {
        Network net = c.network();
        net.heal();
        net.setLoss(0, 0, 0);
        net.setDupe(0);
        String[] mm = normalLatency.split("\\.\\.");
        net.setLatency(Long.parseLong(mm[0]), Long.parseLong(mm[1]));
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
     * was still wrong at the bound. {@code statesMeet}: whether the state machines must end equal. They need not
     * when nothing can make a new leader commit: with no no-op and no client to write, a leader never commits an
     * entry an earlier leader left (Raft commits earlier terms' entries only with one of the leader's own), so a
     * node that applied it stays ahead; that is Raft as specified, and the reason for the no-op.
     */
    static String settle(Cluster c, Workload w, long bound, boolean statesMeet) {
        long deadline = c.now() + bound;
        String wrong = unsettled(c, w, statesMeet);
        while (wrong != null && c.now() < deadline) {
            c.tick(Math.min(STEP, deadline - c.now()));
            wrong = unsettled(c, w, statesMeet);
        }
        return wrong == null ? null : "after the faults ended, the cluster did not settle within " + bound + "ms ("
                + TIMEOUTS + " election timeouts): " + wrong;
    }

    /** What keeps the cluster from being settled now, or null if it is. */
    static String unsettled(Cluster c, Workload w, boolean statesMeet) {
        List<Integer> leaders = c.leaders();
        if (leaders.size() != 1) {
            return leaders.isEmpty() ? "no leader" : "more than one node leads: " + leaders;
        }
        int leader = leaders.get(0);
        RaftNode l = c.node(leader);
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.node(id);
            if (n == null) {
                return "n" + id + " is down";
            }
            if (id != leader && (n.role() != Role.FOLLOWER || n.currentTerm() != l.currentTerm()
                    || n.leaderId() != leader)) {
                return "n" + id + " does not follow n" + leader + ", leader of term " + l.currentTerm();
            }
        }
        int waiting = w == null ? 0 : w.waiting();
        if (waiting > 0) {
            return waiting + " client" + (waiting == 1 ? " is" : "s are") + " still waiting for an answer";
        }
        if (!statesMeet) {
            return null;
        }
        SortedMap<String, String> state = l.kv().view();
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.node(id);
            if (n.lastApplied() != l.commitIndex() || !n.kv().view().equals(state)) {
                return "n" + id + " has applied up to index " + n.lastApplied() + ", but n" + leader
                        + " has committed up to " + l.commitIndex() + (n.lastApplied() == l.lastApplied()
                        ? " and their state machines differ" : "");
            }
        }
        return null;
    }
}
