package raftlab.check.explore;

import java.util.Set;

import raftlab.raft.Bug;

/** What {@code explore} and {@code replay} vary: everything but the seed. {@code swarm}: see {@link Swarm}. */
public record ExploreOptions(int nodes, long time, Set<FaultKind> faults, int clients, int keys, double rate,
                             boolean noop, Bug bug, boolean swarm, boolean preVote, boolean checkQuorum) {
    public static final int DEFAULT_NODES = 5;
    public static final long DEFAULT_TIME = 10_000;
    public static final int DEFAULT_CLIENTS = 3;
    public static final int DEFAULT_KEYS = 3;
    public static final double DEFAULT_RATE = 10;

    public ExploreOptions {
        faults = Set.copyOf(faults);
    }

    /** With swarm testing, as {@code explore} runs by default. */
    public ExploreOptions(int nodes, long time, Set<FaultKind> faults, int clients, int keys, double rate,
                          boolean noop, Bug bug) {
        this(nodes, time, faults, clients, keys, rate, noop, bug, true);
    }

    /** Figure 2's elections: no PreVote, no CheckQuorum. */
    public ExploreOptions(int nodes, long time, Set<FaultKind> faults, int clients, int keys, double rate,
                          boolean noop, Bug bug, boolean swarm) {
        this(nodes, time, faults, clients, keys, rate, noop, bug, swarm, false, false);
    }

    public ExploreOptions withSwarm(boolean on) {
        return new ExploreOptions(nodes, time, faults, clients, keys, rate, noop, bug, on, preVote, checkQuorum);
    }

    /** The same runs with PreVote and CheckQuorum switched as given (cluster --prevote, --checkquorum). */
    public ExploreOptions withElections(boolean pre, boolean check) {
        return new ExploreOptions(nodes, time, faults, clients, keys, rate, noop, bug, swarm, pre, check);
    }
}
