package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;

import raftlab.check.Streams;
import raftlab.raft.CommandKind;
import raftlab.raft.Configuration;
import raftlab.raft.Membership;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;
import raftlab.sim.SimRandom;

/**
 * What explore's {@code change-split} faults do, in steps: a membership change (a joint {@code reconfigure}, two
 * single-server changes back to back, or the two removals of Ongaro's scenario, see {@link #ONGARO}), then in the
 * same millisecond, while the new configuration entry is still on its way, a partition that leaves the leader with
 * just enough live nodes for a majority of the configuration it now counts (the new voters: C_new, also during
 * joint consensus) and puts everyone else on the other side, provided some node there, still in an older
 * configuration, can be elected by that side alone. Every step is recorded as the plain command it became ({@code reconfigure 1,2,3},
 * {@code remove-node 4}, {@code partition 1,2 3,4,5}), so {@code replay} reproduces them.
 *
 * <p>Raft's rules make that split harmless: a configuration entry counts only once it is in force, a single-server
 * change keeps every majority of the old configuration overlapping one of the new, and a joint configuration needs
 * a majority of both. So the leader's side cannot commit what the other side's leader does not hold. Each
 * membership bug breaks one of those rules, and then both sides commit: {@code joint-one-majority} (the joint entry
 * committed by C_new alone), {@code two-changes-at-once} (two single-server changes, two voters apart) and
 * {@code change-without-commit-first} (a new leader's change on top of one it never saw committed).
 */
final class ChangeSplit {
    /** The first step of a joint change-split: a joint {@code reconfigure}, then the split. */
    static final String JOINT = "joint";
    /**
     * The first step of Ongaro's scenario (the bug found after the dissertation), from an even number of voters: the
     * leader removes a voter, then {@link #ISOLATE} cuts it off before anyone holds that change, then
     * {@code after N} waits for a new leader among the rest, which removes another voter before it has committed
     * anything, then the split: the old leader's configuration and the new one's have majorities that do not overlap.
     */
    static final String ONGARO = "ongaro";
    /** Ongaro's second step: the leader cut off alone, its change on no other node. */
    static final String ISOLATE = "isolate";
    /** Ongaro's third step, {@code after N}: waits for a new leader other than the cut-off N. */
    static final String AFTER = "after ";
    /** The first step of a double change-split: a single-server change, then {@link #SECOND}, then the split. */
    static final String TWICE = "twice";
    /** The second change of a double change-split, at once: a correct leader refuses it (the first is uncommitted). */
    static final String SECOND = "second";
    /** The last step: the split, right after the change. */
    static final String SPLIT = "split";
    /** Above this many nodes the split is not searched for (every subset is tried, in order of size). */
    private static final int MAX_NODES = 12;

    private ChangeSplit() {
    }

    /** The first step an armed fault waits for: a joint change, two single-server changes, or Ongaro's scenario. */
    static String moment(SimRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> JOINT;
            case 1 -> TWICE;
            default -> ONGARO;
        };
    }

    /** The step after {@code step} (whose fault was {@code fired}), or null after the split. */
    static String next(String step, Fault fired) {
        if (step.startsWith(AFTER)) {
            return SPLIT;
        }
        return switch (step) {
            case JOINT, SECOND -> SPLIT;
            case TWICE -> SECOND;
            case ONGARO -> ISOLATE;
            case ISOLATE -> AFTER + fired.arg().split(" ")[0]; // the cut-off leader: "partition 1 2,3,4"
            default -> null;
        };
    }

    /** Whether a step that does not come at once waits for its moment: only the new leader of Ongaro's scenario. */
    static boolean waits(String step) {
        return step.startsWith(AFTER);
    }

    /**
     * Whether a change step's moment has come: a leader that may start a change (it has committed an entry of its
     * term and has no change pending; for {@link #ONGARO} also an even number of voters, which the scenario needs);
     * for {@link #SECOND} any leader (the first change is pending: a correct leader refuses, a buggy one makes it);
     * for {@code after N} a new leader that has not committed an entry of its term yet and does not hold the change
     * N made (a correct leader refuses to change anything yet, a buggy one does).
     */
    static boolean due(Cluster c, String step) {
        int leader = c.leader();
        if (leader == 0 || c.node(leader).configuration() == null) {
            return false;
        }
        RaftNode n = c.node(leader);
        if (step.startsWith(AFTER)) {
            int old = Integer.parseInt(step.substring(AFTER.length()));
            RaftNode before = c.node(old);
            return leader != old && before != null && before.configuration() != null && !committedOwnTerm(n)
                    && !n.configuration().equals(before.configuration()) && !n.configuration().joint();
        }
        if (step.equals(SECOND)) {
            return true;
        }
        Configuration config = n.configuration();
        return !pending(n) && committedOwnTerm(n)
                && (!step.equals(ONGARO) || (!config.joint() && config.voters().size() % 2 == 0));
    }

    /** Ongaro's second step: the leader that just made its change, cut off from everyone, or null. */
    static String isolate(Cluster c) {
        int leader = c.leader();
        if (leader == 0 || !pending(c.node(leader))) {
            return null;
        }
        StringBuilder rest = new StringBuilder();
        for (int id = 1; id <= c.size(); id++) {
            if (id != leader) {
                rest.append(rest.length() == 0 ? "" : ",").append(id);
            }
        }
        return leader + " " + rest;
    }

    /** A change step: the change to make now, as a lab command, or null. */
    static String change(Cluster c, String step) {
        if (step.startsWith(AFTER)) {
            return secondRemoval(c, Integer.parseInt(step.substring(AFTER.length())));
        }
        return switch (step) {
            case JOINT -> jointChange(c);
            case ONGARO -> firstRemoval(c);
            default -> singleChange(c, step);
        };
    }

    /** Ongaro's first change: the leader removes another voter, drawn from a stream of the run's seed. */
    private static String firstRemoval(Cluster c) {
        int leader = c.leader();
        List<Integer> others = new ArrayList<>();
        for (int v : c.node(leader).configuration().voters().ids()) {
            if (v != leader) {
                others.add(v);
            }
        }
        SimRandom r = Streams.of(c.seed(), "change-split " + ONGARO + " " + c.now() + " " + c.size());
        return others.isEmpty() ? null : "remove-node " + others.get(r.nextInt(others.size()));
    }

    /**
     * Ongaro's second change, by the new leader: remove a voter that the old leader's change kept (so that the old
     * leader and that voter are a majority of its configuration), other than the two leaders; null if none.
     */
    private static String secondRemoval(Cluster c, int old) {
        int leader = c.leader();
        Configuration mine = c.node(leader).configuration();
        Configuration theirs = c.node(old).configuration();
        for (int v : mine.voters().ids()) {
            if (v != leader && v != old && theirs.voters().contains(v)) {
                return "remove-node " + v;
            }
        }
        return null;
    }

    /**
     * A single-server change of the voters: a learner promoted, a voter removed (while more than
     * {@link MembershipFaults#MIN_VOTERS} remain) or a removed node made a voter again, drawn from a stream of the
     * run's seed and the step; null if none.
     */
    private static String singleChange(Cluster c, String step) {
        Configuration now = c.node(c.leader()).configuration();
        List<String> options = new ArrayList<>();
        for (int l : now.learners()) {
            options.add("promote " + l);
        }
        if (now.voters().size() > MembershipFaults.MIN_VOTERS) {
            for (int v : now.voters().ids()) {
                options.add("remove-node " + v);
            }
        }
        // A node that exists but is in no role (removed earlier) comes back as a voter: one voter more, so a
        // reconfigure makes it directly.
        for (int id = 1; id <= c.size(); id++) {
            if (!now.contains(id) && c.isUp(id)) {
                options.add("reconfigure " + join(with(now.voters().ids(), id)));
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        SimRandom r = Streams.of(c.seed(), "change-split " + step + " " + c.now() + " " + c.size());
        return options.get(r.nextInt(options.size()));
    }

    /**
     * A {@code reconfigure} of three to five of the nodes that exist that goes through joint consensus (at least two
     * voters change) and after which a split fits, drawn from a stream of the run's seed and the moment; null if a
     * few draws find none.
     */
    private static String jointChange(Cluster c) {
        int leader = c.leader();
        Configuration now = c.node(leader).configuration();
        SimRandom r = Streams.of(c.seed(), "change-split " + c.now() + " " + c.size());
        for (int attempt = 0; attempt < 20; attempt++) {
            int size = Math.min(c.size(), MembershipFaults.MIN_VOTERS + r.nextInt(3));
            if (size < MembershipFaults.MIN_VOTERS) {
                return null;
            }
            List<Integer> pool = new ArrayList<>();
            for (int id = 1; id <= c.size(); id++) {
                pool.add(id);
            }
            int[] chosen = new int[size];
            for (int i = 0; i < size; i++) {
                chosen[i] = pool.remove(r.nextInt(pool.size()));
            }
            java.util.Arrays.sort(chosen);
            Configuration target = Configuration.of(raftlab.raft.Quorum.of(chosen));
            Configuration joint = Membership.firstStep(now, target);
            if (joint.joint() && split(c, leader, joint) != null) { // a split will fit once the leader holds it
                StringBuilder b = new StringBuilder("reconfigure ");
                for (int i = 0; i < chosen.length; i++) {
                    b.append(i == 0 ? "" : ",").append(chosen[i]);
                }
                return b.toString();
            }
        }
        return null;
    }

    /**
     * The second step: the partition's groups ({@code 1,2 3,4,5}), or null if no split fits. The leader is a live one
     * whose newest configuration entry is not committed; its side is the smallest set of nodes (with it) that holds a
     * majority of its configuration's new voters, live; the other side must be able to elect one of its own nodes that does
     * not hold that configuration, by the majority of the configuration that node is in.
     */
    static String split(Cluster c) {
        if (c.size() > MAX_NODES) {
            return null;
        }
        for (int leader : c.leaders()) {
            RaftNode node = c.node(leader);
            if (node == null || node.configuration() == null || !pending(node)) {
                continue;
            }
            String groups = split(c, leader, node.configuration());
            if (groups != null) {
                return groups;
            }
        }
        return null;
    }

    private static String split(Cluster c, int leader, Configuration config) {
        int n = c.size();
        int best = -1;
        for (int mask = 0; mask < (1 << n); mask++) {
            int side = mask;
            if ((side & bit(leader)) == 0 || (best >= 0 && Integer.bitCount(side) >= Integer.bitCount(best))) {
                continue;
            }
            if (config.voters().hasMajority(id -> (side & bit(id)) != 0 && c.isUp(id))
                    && otherSideElects(c, side, config)) {
                best = side;
            }
        }
        if (best < 0 || Integer.bitCount(best) == n) {
            return null;
        }
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int id = 1; id <= n; id++) {
            StringBuilder g = (best & bit(id)) != 0 ? a : b;
            g.append(g.length() == 0 ? "" : ",").append(id);
        }
        return a + " " + b;
    }

    /** Whether a live node outside {@code side}, without {@code config}, is in a configuration the rest can elect it by. */
    private static boolean otherSideElects(Cluster c, int side, Configuration config) {
        for (int id = 1; id <= c.size(); id++) {
            if ((side & bit(id)) != 0 || !c.isUp(id)) {
                continue;
            }
            Configuration theirs = c.node(id).configuration();
            if (theirs != null && !theirs.equals(config) && theirs.isVoter(id)
                    && theirs.hasMajority(v -> (side & bit(v)) == 0 && c.validId(v) && c.isUp(v))) {
                return true;
            }
        }
        return false;
    }

    private static int[] with(int[] ids, int id) {
        int[] out = java.util.Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = id;
        java.util.Arrays.sort(out);
        return out;
    }

    private static String join(int[] ids) {
        StringBuilder b = new StringBuilder();
        for (int id : ids) {
            b.append(b.length() == 0 ? "" : ",").append(id);
        }
        return b.toString();
    }

    private static int bit(int id) {
        return 1 << (id - 1);
    }

    private static boolean committedOwnTerm(RaftNode n) {
        RaftLogView log = n.log();
        long commit = n.commitIndex();
        return commit >= log.snapshotIndex() && log.termAt(commit) == n.currentTerm();
    }

    /** Whether the node's log holds a configuration entry it has not committed. */
    private static boolean pending(RaftNode n) {
        RaftLogView log = n.log();
        for (long k = log.lastIndex(); k > Math.max(n.commitIndex(), log.snapshotIndex()); k--) {
            if (log.get(k).command().kind() == CommandKind.CONFIG) {
                return true;
            }
        }
        return false;
    }
}
