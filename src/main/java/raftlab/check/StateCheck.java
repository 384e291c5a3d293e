package raftlab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import raftlab.check.invariant.Describe;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;

/**
 * The safety properties that can be judged from one snapshot of the cluster, for {@code check} when the
 * {@link SafetyMonitor} is off: one leader per term among the live nodes, Log Matching across the disks, the same
 * committed and applied commands on every live node, lastApplied <= commitIndex <= lastIndex. Slower than the
 * monitor (it compares whole logs) and blind to the past, but needs no watching.
 */
public final class StateCheck {
    private StateCheck() {
    }

    public static List<Breach> check(Cluster c) {
        List<Breach> out = new ArrayList<>();
        long now = c.now();
        TreeMap<Long, Integer> leaders = new TreeMap<>();
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.node(id);
            if (n == null) {
                continue;
            }
            if (n.role() == Role.LEADER) {
                Integer other = leaders.putIfAbsent(n.currentTerm(), id);
                if (other != null) {
                    out.add(new Breach(now, SafetyMonitor.ELECTION_SAFETY, "n" + other + " and n" + id
                            + " both lead term " + n.currentTerm(), null));
                }
            }
            if (n.commitIndex() > n.log().lastIndex()) {
                out.add(new Breach(now, SafetyMonitor.COMMIT_WITHIN_LOG, "n" + id + "'s commitIndex is "
                        + n.commitIndex() + " but its log ends at " + n.log().lastIndex(), null));
            }
            if (n.lastApplied() > n.commitIndex()) {
                out.add(new Breach(now, SafetyMonitor.APPLIED_COMMITTED, "n" + id + " applied up to index "
                        + n.lastApplied() + " but has committed only up to " + n.commitIndex(), null));
            }
        }
        for (int a = 1; a <= c.size(); a++) {
            for (int b = a + 1; b <= c.size(); b++) {
                logMatching(c, a, b, now, out);
                finalEntries(c, a, b, now, out);
            }
        }
        return out;
    }

    /** The highest index where both logs hold the same term: everything up to it must be identical. */
    private static void logMatching(Cluster c, int a, int b, long now, List<Breach> out) {
        RaftLogView la = c.disk(a).log();
        RaftLogView lb = c.disk(b).log();
        long k = Math.min(la.lastIndex(), lb.lastIndex());
        // Below either snapshot there are no entries to compare: the snapshots stand for committed entries.
        long floor = Math.max(la.snapshotIndex(), lb.snapshotIndex());
        while (k > floor && la.termAt(k) != lb.termAt(k)) {
            k--;
        }
        for (long i = k; i > floor; i--) {
            if (!la.get(i).equals(lb.get(i))) {
                out.add(new Breach(now, SafetyMonitor.LOG_MATCHING, "n" + a + " and n" + b + " agree on the term"
                        + " at index " + k + " but differ at index " + i + ": " + Describe.entry(la.get(i))
                        + " vs " + Describe.entry(lb.get(i)), null));
                return;
            }
        }
    }

    private static void finalEntries(Cluster c, int a, int b, long now, List<Breach> out) {
        RaftNode na = c.node(a);
        RaftNode nb = c.node(b);
        if (na == null || nb == null) {
            return;
        }
        // What each claims final: committed, or applied (a node may apply early, by a bug).
        long upTo = Math.min(Math.max(na.commitIndex(), na.lastApplied()), Math.max(nb.commitIndex(),
                nb.lastApplied()));
        upTo = Math.min(upTo, Math.min(na.log().lastIndex(), nb.log().lastIndex()));
        long floor = Math.max(na.log().snapshotIndex(), nb.log().snapshotIndex());
        for (long i = floor + 1; i <= upTo; i++) {
            if (!na.log().get(i).command().equals(nb.log().get(i).command())) {
                out.add(new Breach(now, SafetyMonitor.STATE_MACHINE_SAFETY, "n" + a + " committed "
                        + Describe.entry(na.log().get(i)) + " at index " + i + " but n" + b + " committed "
                        + Describe.entry(nb.log().get(i)), null));
                return;
            }
        }
    }
}
