package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;

import raftlab.check.Streams;
import raftlab.raft.Configuration;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;
import raftlab.sim.MembershipChanges;
import raftlab.sim.SimRandom;

/**
 * What explore's {@code membership} faults do: at a moment with a leader, one membership change chosen from the
 * cluster as it is (add a node, promote a learner, remove a node, or reconfigure through joint consensus), written
 * as the lab command that makes it ({@code add-node}, {@code promote 4}, {@code remove-node 2},
 * {@code reconfigure 1,3,4}). The run records that command, so a replay does exactly the same.
 *
 * <p>Bounded: at most {@link #EXTRA} nodes join, and no change leaves fewer than {@link #MIN_VOTERS} voters (a
 * smaller cluster is legal, but tests less). Three kinds of moment are waited for, drawn per fault: any leader; a
 * leader that has not yet committed an entry of its term while another node holds a configuration it does not
 * (where change-without-commit-first bites); a leader with a
 * change still uncommitted (where two-changes-at-once bites). A correct leader refuses the last two, and nothing
 * happens.
 */
final class MembershipFaults {
    static final int EXTRA = 3;
    static final int MIN_VOTERS = 3;
    static final String ANY = "any";
    static final String NEW_LEADER = "new-leader";
    static final String PENDING = "pending";
    static final String STALE = "stale";

    private MembershipFaults() {
    }

    /** The moment an armed fault waits for, as drawn for it. */
    static String moment(SimRandom r) {
        int pick = r.nextInt(5);
        return pick < 2 ? ANY : pick == 2 ? NEW_LEADER : pick == 3 ? PENDING : STALE;
    }

    /** The leader a fault waiting for {@code moment} asks: a stale one (of a lower term) for STALE, else 0. */
    private static int stale(Cluster c) {
        java.util.List<Integer> leaders = c.leaders();
        int top = c.leader();
        for (int l : leaders) {
            if (l != top && c.node(l).configuration() != null) {
                return l;
            }
        }
        return 0;
    }

    /** Whether the moment has come: a leader, in the state the fault waits for. */
    static boolean due(Cluster c, String moment) {
        int leader = c.leader();
        if (leader == 0 || c.node(leader).configuration() == null) {
            return false;
        }
        RaftNode n = c.node(leader);
        return switch (moment) {
            case STALE -> stale(c) != 0;
            case NEW_LEADER -> !committedOwnTerm(n) && configsDisagree(c, leader);
            case PENDING -> pendingChange(c, leader);
            default -> true;
        };
    }

    /** Whether some live node has a configuration other than the leader's (a change still spreading, or lost). */
    private static boolean configsDisagree(Cluster c, int leader) {
        Configuration mine = c.node(leader).configuration();
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.node(id);
            if (n != null && n.configuration() != null && !n.configuration().equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static boolean committedOwnTerm(RaftNode n) {
        RaftLogView log = n.log();
        long commit = n.commitIndex();
        return commit >= log.snapshotIndex() && log.termAt(commit) == n.currentTerm();
    }

    private static boolean pendingChange(Cluster c, int leader) {
        RaftNode n = c.node(leader);
        RaftLogView log = n.log();
        for (long k = log.lastIndex(); k > Math.max(n.commitIndex(), log.snapshotIndex()); k--) {
            if (log.get(k).command().kind() == raftlab.raft.CommandKind.CONFIG) {
                return true;
            }
        }
        return false;
    }

    /**
     * The change to make now, as a lab command, or null if none fits the bounds. Chosen from a stream of the run's
     * seed and the moment, so the choice is as deterministic as the run.
     */
    static String choose(Cluster c, String moment) {
        int via = moment.equals(STALE) ? stale(c) : 0;
        int leader = via != 0 ? via : c.leader();
        Configuration now = c.node(leader).configuration();
        SimRandom r = Streams.of(c.seed(), "membership " + c.now() + " " + c.size());
        List<String> options = new ArrayList<>();
        if (c.size() < c.voters().size() + EXTRA) {
            options.add("add-node");
        }
        for (int l : now.learners()) {
            options.add("promote " + l);
        }
        int voters = now.voters().size();
        for (int id = 1; id <= c.size(); id++) {
            if (now.isLearner(id) || (now.voters().contains(id) && voters > MIN_VOTERS)) {
                options.add("remove-node " + id);
            }
        }
        // Joint consensus: three to five of the nodes that exist, at random.
        int size = Math.min(c.size(), MIN_VOTERS + r.nextInt(3));
        if (size >= MIN_VOTERS) {
            List<Integer> pool = new ArrayList<>();
            for (int id = 1; id <= c.size(); id++) {
                pool.add(id);
            }
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                chosen.add(pool.remove(r.nextInt(pool.size())));
            }
            chosen.sort(null);
            StringBuilder b = new StringBuilder("reconfigure ");
            for (int i = 0; i < chosen.size(); i++) {
                b.append(i == 0 ? "" : ",").append(chosen.get(i));
            }
            options.add(b.toString());
        }
        if (options.isEmpty()) {
            return null;
        }
        String change = options.get(r.nextInt(options.size()));
        return via == 0 ? change : change + " --to " + via;
    }

    /**
     * Makes the change {@code command} names, as the lab command does; a refused one changes nothing. The command may
     * end with {@code --to N}: the leader it is asked of.
     */
    static void apply(Cluster c, String command) {
        String[] w = command.split(" ");
        int via = w.length >= 2 && w[w.length - 2].equals("--to") ? Integer.parseInt(w[w.length - 1]) : 0;
        try {
            switch (w[0]) {
                case "add-node" -> MembershipChanges.addNode(c, via);
                case "promote" -> MembershipChanges.promote(c, via, Integer.parseInt(w[1]));
                case "remove-node" -> {
                    int id = Integer.parseInt(w[1]);
                    if (c.validId(id)) {
                        MembershipChanges.remove(c, via, id);
                    }
                }
                case "reconfigure" -> MembershipChanges.reconfigure(c, via, Configuration.parseIds(w[1]));
                default -> throw new IllegalArgumentException("not a membership change: " + command);
            }
        } catch (IllegalStateException refused) {
            // The leader's rules forbid it now (or no node leads): as in the lab, nothing happens.
        }
    }
}
