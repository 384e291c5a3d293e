package raftlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import raftlab.raft.Entry;
import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;

/**
 * Watches a running cluster for the two properties a user must never see broken: at most one leader per term
 * (Election Safety), and every node applying the same entry at each index (State Machine Safety). Records the
 * first few violations instead of throwing, so a test can also show it catching a switched-on bug.
 */
final class SafetyWatch implements SimListener {
    private final Cluster cluster;
    private final TreeMap<Long, Integer> leaderOfTerm = new TreeMap<>();
    private final TreeMap<Long, Entry> applied = new TreeMap<>();
    final List<String> violations = new ArrayList<>();
    long applies;
    int elections;

    SafetyWatch(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void nodeEvent(long time, NodeEvent e) {
        if (e.kind() == EventKind.ROLE && e.role() == Role.LEADER) {
            elections++;
            Integer earlier = leaderOfTerm.putIfAbsent(e.term(), e.node());
            if (earlier != null && earlier != e.node()) {
                violate(time + "ms: n" + e.node() + " and n" + earlier + " both lead term " + e.term());
            }
        } else if (e.kind() == EventKind.APPLY) {
            RaftNode n = cluster.node(e.node());
            for (long i = e.a(); i <= e.b(); i++) {
                Entry mine = n.log().get(i);
                Entry first = applied.putIfAbsent(i, mine);
                applies++;
                if (first != null && !first.equals(mine)) {
                    violate(time + "ms: n" + e.node() + " applies " + mine + " at index " + i + ", others applied "
                            + first);
                }
            }
        }
    }

    private void violate(String what) {
        if (violations.size() < 5) {
            violations.add(what);
        }
    }

    long appliedIndexes() {
        return applied.size();
    }
}
