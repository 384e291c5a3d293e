package raftlab.sim;

import raftlab.raft.Settings;

/** How a cluster is made: size, seed, node settings and network latency range (virtual ms). */
public record ClusterConfig(int size, long seed, Settings settings, long latencyMin, long latencyMax) {
    public static ClusterConfig defaults(int size, long seed) {
        return new ClusterConfig(size, seed, Settings.DEFAULT, 1, 5);
    }
}
