package raftlab.check.explore;

import java.util.Set;

import raftlab.raft.Bug;

/** What {@code explore} and {@code replay} vary: everything but the seed. */
public record ExploreOptions(int nodes, long time, Set<FaultKind> faults, int clients, int keys, double rate,
                             boolean noop, Bug bug, long snapshotEvery) {
    public static final int DEFAULT_NODES = 5;
    public static final long DEFAULT_TIME = 10_000;
    public static final int DEFAULT_CLIENTS = 3;
    public static final int DEFAULT_KEYS = 3;
    public static final double DEFAULT_RATE = 10;

    public ExploreOptions {
        faults = Set.copyOf(faults);
    }

    /** Options without automatic snapshots. */
    public ExploreOptions(int nodes, long time, Set<FaultKind> faults, int clients, int keys, double rate,
                          boolean noop, Bug bug) {
        this(nodes, time, faults, clients, keys, rate, noop, bug, 0);
    }
}
