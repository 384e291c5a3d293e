package raftlab.check.invariant;

import raftlab.raft.Configuration;
import raftlab.raft.Quorum;

/**
 * The checkers' view of the cluster's voters: how many make a majority, and whether a group of nodes is one. A thin
 * layer over the core's {@link Quorum}, so that no checker counts a majority on its own.
 */
public final class Majority {
    private final Quorum voters;

    public Majority(Quorum voters) {
        this.voters = voters;
    }

    /** The smallest number of voters that is a majority. */
    public int size() {
        return voters.majority();
    }

    /** Whether {@code count} voters are a majority. */
    public boolean reachedBy(int count) {
        return count >= voters.majority();
    }

    /** Whether the voters in {@code mask} (bit {@code id} set for node id) are a majority; other bits do not count. */
    public boolean reachedBy(long mask) {
        return voters.hasMajority(id -> id < 64 && (mask >>> id & 1) != 0);
    }

    /**
     * Whether the nodes in {@code mask} are a majority of {@code config}, the configuration in force (in joint mode, a
     * majority of each side).
     */
    public static boolean reachedBy(Configuration config, long mask) {
        return config.hasMajority(id -> id < 64 && (mask >>> id & 1) != 0);
    }
}
