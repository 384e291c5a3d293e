package raftlab.sim;

import raftlab.raft.Settings;

/**
 * How a cluster is made: size, seed, node settings, network latency range and disk sync time (virtual ms). With
 * {@code syncMs} above 0 a disk write takes that long to become durable, and a node's messages wait for it.
 */
public record ClusterConfig(int size, long seed, Settings settings, long latencyMin, long latencyMax, long syncMs) {
    public ClusterConfig(int size, long seed, Settings settings, long latencyMin, long latencyMax) {
        this(size, seed, settings, latencyMin, latencyMax, 0);
    }

    public static ClusterConfig defaults(int size, long seed) {
        return new ClusterConfig(size, seed, Settings.DEFAULT, 1, 5);
    }

    public ClusterConfig withSync(long ms) {
        return new ClusterConfig(size, seed, settings, latencyMin, latencyMax, ms);
    }
}
