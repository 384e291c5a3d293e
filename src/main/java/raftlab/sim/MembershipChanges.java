package raftlab.sim;

import java.util.TreeSet;

import raftlab.raft.Configuration;
import raftlab.raft.Membership;
import raftlab.raft.Progress;
import raftlab.raft.Quorum;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;

/**
 * The membership changes a user (or explore's membership faults) asks of a cluster: {@code add-node},
 * {@code promote N}, {@code remove-node N}, {@code reconfigure 1,2,6,7}. Each works out the new configuration from
 * the leader's, checks the leader's own rules first (the same {@link Membership#refusal} the lab's node applies), and
 * only then changes anything, so a refused request leaves the cluster as it was and says why in one line (an
 * {@link IllegalStateException}). The lab's commands and the fault kind both come here, so a run replays exactly.
 */
public final class MembershipChanges {
    private MembershipChanges() {
    }

    /**
     * Starts a new node and asks the leader to add it as a learner. Returns the new node's id. {@code via}: the
     * leader to ask (0: the live leader of the highest term); every request below takes it.
     */
    public static int addNode(Cluster c, int via) {
        int leader = leader(c, via);
        if (c.size() >= Cluster.CAPACITY) {
            throw new IllegalStateException("the lab runs at most " + Cluster.CAPACITY + " nodes; no more can join");
        }
        Configuration now = c.node(leader).configuration();
        int id = c.size() + 1;
        TreeSet<Integer> learners = ids(now.learners());
        learners.add(id);
        Configuration target = now.joint() ? Configuration.joint(now.oldVoters(), now.voters(), array(learners))
                : Configuration.of(now.voters(), array(learners));
        check(c, leader, target);
        c.addNode();
        c.changeMembership(leader, target);
        return id;
    }

    /** Asks the leader to make learner {@code id} a voter. */
    public static void promote(Cluster c, int via, int id) {
        int leader = leader(c, via);
        Configuration now = c.node(leader).configuration();
        if (!now.isLearner(id)) {
            throw new IllegalStateException("n" + id + " is not a learner in the leader's configuration ("
                    + now.format() + "); `add-node` adds one");
        }
        TreeSet<Integer> voters = ids(now.voters().ids());
        voters.add(id);
        TreeSet<Integer> learners = ids(now.learners());
        learners.remove(id);
        change(c, leader, Configuration.of(Quorum.of(voters), array(learners)));
    }

    /** Asks the leader to take node {@code id} out of the configuration. */
    public static void remove(Cluster c, int via, int id) {
        int leader = leader(c, via);
        Configuration now = c.node(leader).configuration();
        if (!now.contains(id)) {
            throw new IllegalStateException("n" + id + " is not in the leader's configuration (" + now.format() + ")");
        }
        TreeSet<Integer> voters = ids(now.voters().ids());
        voters.remove(id);
        if (voters.isEmpty()) {
            throw new IllegalStateException("n" + id + " is the last voter; a configuration needs at least one");
        }
        TreeSet<Integer> learners = ids(now.learners());
        learners.remove(id);
        change(c, leader, Configuration.of(Quorum.of(voters), array(learners)));
    }

    /**
     * Asks the leader to make exactly {@code wanted} the voters (joint consensus when more than one voter changes).
     * Ids not in the cluster yet must be the next unused ones: they start with empty disks and catch up as voters of
     * C_new during the joint phase (the joint configuration cannot commit without a majority of C_new, so they are
     * waited for, not skipped). Returns how many nodes were started.
     */
    public static int reconfigure(Cluster c, int via, int[] wanted) {
        Quorum voters = Quorum.of(wanted);
        int leader = leader(c, via);
        int next = c.size() + 1;
        int fresh = 0;
        for (int id : voters.ids()) {
            if (c.validId(id)) {
                continue;
            }
            if (id != next) {
                throw new IllegalStateException("new nodes take the next unused ids in order (" + (c.size() + 1)
                        + ", " + (c.size() + 2) + "...), not " + id);
            }
            next++;
            fresh++;
        }
        if (next - 1 > Cluster.CAPACITY) {
            throw new IllegalStateException("the lab runs at most " + Cluster.CAPACITY + " nodes");
        }
        Configuration now = c.node(leader).configuration();
        TreeSet<Integer> learners = ids(now.learners());
        for (int id : voters.ids()) {
            learners.remove(id);
        }
        Configuration target = Configuration.of(voters, array(learners));
        check(c, leader, target);
        for (int i = 0; i < fresh; i++) {
            c.addNode();
        }
        c.changeMembership(leader, target);
        return fresh;
    }

    /** The leader a change is asked of ({@code via}, or the live leader of the highest term if 0). */
    public static int leader(Cluster c, int via) {
        int leader = via != 0 ? via : c.leader();
        if (leader == 0) {
            throw new IllegalStateException("no node leads now; `run until leader` first");
        }
        if (!c.validId(leader) || !c.isUp(leader) || c.node(leader).role() != raftlab.raft.Role.LEADER) {
            throw new IllegalStateException("n" + leader + " is not a live leader");
        }
        if (c.node(leader).configuration() == null) {
            throw new IllegalStateException("this node does not support membership change");
        }
        return leader;
    }

    private static void change(Cluster c, int leader, Configuration target) {
        check(c, leader, target);
        c.changeMembership(leader, target);
    }

    /** Throws the leader's reason for refusing {@code target} now, if it has one (the node's own rules). */
    static void check(Cluster c, int leader, Configuration target) {
        String why = refusal(c, leader, target);
        if (why != null) {
            throw new IllegalStateException("n" + leader + " refuses: " + why);
        }
    }

    /** Why the leader would refuse a change to {@code target} now, or null: read from its state, as it decides. */
    public static String refusal(Cluster c, int leader, Configuration target) {
        RaftNode n = c.node(leader);
        RaftLogView log = n.log();
        Membership.Found in = Membership.latest(log, log.lastIndex(), c.disk(leader).snapshot(), c.voters());
        long commit = n.commitIndex();
        boolean ownTerm = commit >= log.snapshotIndex() && log.termAt(commit) == n.currentTerm();
        return Membership.refusal(n.configuration(), in.index(), commit, ownTerm, target, c.bugs(), id -> {
            Progress p = n.progress(id);
            return p == null ? 0 : p.match();
        });
    }

    private static TreeSet<Integer> ids(int[] ids) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int id : ids) {
            s.add(id);
        }
        return s;
    }

    private static int[] array(TreeSet<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
