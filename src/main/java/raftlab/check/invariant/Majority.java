package raftlab.check.invariant;

/**
 * How many nodes make a majority of the cluster's voters. The one place the checkers count a quorum, so that it
 * can become the core's quorum type (a set of voter ids) without touching the checkers that use it.
 */
public final class Majority {
    private final int voters;

    public Majority(int voters) {
        if (voters < 1) {
            throw new IllegalArgumentException("a cluster has at least one voter, not " + voters);
        }
        this.voters = voters;
    }

    /** The smallest number of nodes that is a majority. */
    public int size() {
        return voters / 2 + 1;
    }

    public boolean reachedBy(int count) {
        return count >= size();
    }

    /** Whether the nodes in {@code mask} (bit {@code id} set for node id) are a majority. */
    public boolean reachedBy(long mask) {
        return reachedBy(Long.bitCount(mask));
    }
}
