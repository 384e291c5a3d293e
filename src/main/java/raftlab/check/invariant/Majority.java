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
        // What config.hasMajority says for the nodes in mask, counted here without a predicate object per call: the
        // checkers ask it for every entry each disk makes durable.
        Quorum old = config.oldVoters();
        return reachedBy(config.voters(), mask) && (old == null || reachedBy(old, mask));
    }

    /** Whether the voters of {@code q} in {@code mask} are at least {@link Quorum#majority} of them. */
    private static boolean reachedBy(Quorum q, long mask) {
        int n = 0;
        for (int i = 0; i < q.size(); i++) {
            int id = q.idAt(i);
            if (id < 64 && (mask >>> id & 1) != 0) {
                n++;
            }
        }
        return n >= q.majority();
    }
}
