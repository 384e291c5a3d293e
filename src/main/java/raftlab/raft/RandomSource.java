package raftlab.raft;

/**
 * Where a node draws its randomness (its election timeouts): a seeded stream the lab gives each node, so that a run
 * is a pure function of the seed and the commands. A node must not use any other source.
 */
@FunctionalInterface
public interface RandomSource {
    /** A uniformly random int in [0, bound), bound > 0. */
    int nextInt(int bound);
}
