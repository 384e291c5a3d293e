package raftlab.raft;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToLongFunction;

/**
 * Membership changes (the dissertation's chapter 4), the parts that do not need a node's state: where a log's
 * configuration comes from, whether a leader may start a change now, and which entry a change begins with.
 *
 * <p>A configuration takes effect on a node as soon as its entry is in the node's log, committed or not (section
 * 4.1): so the configuration in force is the last configuration entry of the log, else the snapshot's, else the one
 * the cluster started with; cutting the entry off the log reverts to the one before.
 *
 * <p>A change of at most one voter is made directly (a single-server change, section 4.2), under the two rules
 * whose absence is the published bug: the leader has committed an entry of its own term, and no other change is
 * uncommitted. A change of more voters goes through the joint configuration C_old,new (section 4.3): once that
 * entry is committed the leader appends C_new by itself.
 */
public final class Membership {
    private Membership() {
    }

    /** A configuration and the index of the entry it comes from (the snapshot's index, or 0 for the boot one). */
    public record Found(long index, Configuration config) {
    }

    /**
     * The configuration in force in {@code log} as of {@code upTo} (at most its last index): the last configuration
     * entry at or below it, else the snapshot's, else {@code boot}. Scans back from {@code upTo}.
     */
    public static Found latest(RaftLogView log, long upTo, Snapshot snapshot, Quorum boot) {
        for (long k = Math.min(upTo, log.lastIndex()); k > log.snapshotIndex(); k--) {
            Command c = log.get(k).command();
            if (c.kind() == CommandKind.CONFIG) {
                return new Found(k, Configuration.parse(c.value()));
            }
        }
        if (snapshot.index() > 0 && snapshot.config() != null) {
            return new Found(snapshot.index(), snapshot.config());
        }
        return new Found(0, Configuration.of(boot));
    }

    /** Everyone in {@code config} and {@code self}: the ids a node keeps per-peer state for. */
    public static Quorum members(Configuration config, int self) {
        int[] ids = config.members();
        if (Arrays.binarySearch(ids, self) >= 0) {
            return Quorum.of(ids);
        }
        int[] with = Arrays.copyOf(ids, ids.length + 1);
        with[ids.length] = self;
        return Quorum.of(with);
    }

    /** Every id in {@code a} or {@code b}. */
    public static Quorum union(Quorum a, Quorum b) {
        TreeSet<Integer> all = new TreeSet<>();
        for (int id : a.ids()) {
            all.add(id);
        }
        for (int id : b.ids()) {
            all.add(id);
        }
        return Quorum.of(all);
    }

    /**
     * Why the leader may not start a change to {@code target} now, or null if it may.
     *
     * @param committedOwnTerm whether the leader has committed an entry of its current term
     * @param matchOf          the leader's match index for a node (0 if it keeps none)
     */
    public static String refusal(Configuration current, long configIndex, long commitIndex, boolean committedOwnTerm,
                                 Configuration target, Set<Bug> bugs, IntToLongFunction matchOf) {
        if (target.equals(current)) {
            return "the configuration is already " + current.format();
        }
        if (!committedOwnTerm && !bugs.contains(Bug.CHANGE_WITHOUT_COMMIT_FIRST)) {
            return "no entry of its own term is committed yet (a change waits for the new leader's first commit)";
        }
        if (configIndex > commitIndex && !bugs.contains(Bug.TWO_CHANGES_AT_ONCE)) {
            return "the change at index " + configIndex + " (" + current.format() + ") is not committed yet";
        }
        if (current.joint() && !bugs.contains(Bug.TWO_CHANGES_AT_ONCE)) {
            return "joint consensus is still in progress (" + current.format() + ")";
        }
        for (int v : target.voters().ids()) {
            if (current.isLearner(v) && matchOf.applyAsLong(v) < commitIndex) {
                return "learner n" + v + " has not caught up: it holds up to index " + matchOf.applyAsLong(v)
                        + " of the " + commitIndex + " committed";
            }
        }
        return null;
    }

    /**
     * The entry a change from {@code current} to {@code target} starts with: {@code target} itself if at most one
     * voter comes or goes, else the joint configuration of the two sets of voters.
     */
    public static Configuration firstStep(Configuration current, Configuration target) {
        Set<Integer> diff = new TreeSet<>();
        for (int v : current.voters().ids()) {
            if (!target.voters().contains(v)) {
                diff.add(v);
            }
        }
        for (int v : target.voters().ids()) {
            if (!current.voters().contains(v)) {
                diff.add(v);
            }
        }
        if (diff.size() <= 1 && !current.joint()) {
            return target;
        }
        return Configuration.joint(current.voters(), target.voters(), target.learners());
    }

    /**
     * The configuration whose majorities a node counts in elections and commitment: {@code config} itself, except
     * that with {@link Bug#JOINT_ONE_MAJORITY} a joint configuration counts only its new voters, which is the bug.
     */
    public static Configuration counted(Configuration config, Set<Bug> bugs) {
        return config.joint() && bugs.contains(Bug.JOINT_ONE_MAJORITY) ? leaving(config) : config;
    }

    /** The configuration a joint one leads to: its new voters, with its learners. */
    public static Configuration leaving(Configuration joint) {
        return Configuration.of(joint.voters(), joint.learners());
    }
}
