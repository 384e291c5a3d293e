package raftlab.check.explore;

import java.util.Set;

import raftlab.raft.Bug;
import raftlab.raft.ReadMode;

/**
 * What {@code explore} and {@code replay} vary: everything but the seed. {@code swarm}: see {@link Swarm};
 * {@code preVote}, {@code checkQuorum}: the cluster's election extras; {@code snapshotEvery}: nodes take a snapshot
 * every that many applied entries (0: only the compact fault kind takes any); {@code reads}: how gets are served.
 */
public record ExploreOptions(int nodes, long time, Set<FaultKind> faults, int clients, int keys, double rate,
                             boolean noop, Bug bug, boolean swarm, boolean preVote, boolean checkQuorum,
                             long snapshotEvery, ReadMode reads) {
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

    /** Figure 2's elections (no PreVote, no CheckQuorum), without automatic snapshots. */
    public ExploreOptions(int nodes, long time, Set<FaultKind> faults, int clients, int keys, double rate,
                          boolean noop, Bug bug, boolean swarm) {
        this(nodes, time, faults, clients, keys, rate, noop, bug, swarm, false, false, 0, ReadMode.READINDEX);
    }

    /** Gets served as {@code mode} says (cluster --reads). */
    public ExploreOptions withReads(ReadMode mode) {
        return new ExploreOptions(nodes, time, faults, clients, keys, rate, noop, bug, swarm, preVote, checkQuorum,
                snapshotEvery, mode);
    }

    public ExploreOptions withSwarm(boolean on) {
        return new ExploreOptions(nodes, time, faults, clients, keys, rate, noop, bug, on, preVote, checkQuorum,
                snapshotEvery, reads);
    }

    /** The same runs with PreVote and CheckQuorum switched as given (cluster --prevote, --checkquorum). */
    public ExploreOptions withElections(boolean pre, boolean check) {
        return new ExploreOptions(nodes, time, faults, clients, keys, rate, noop, bug, swarm, pre, check,
                snapshotEvery, reads);
    }

    /** Nodes take a snapshot every {@code every} applied entries (0: only the compact fault kind takes any). */
    public ExploreOptions withSnapshotEvery(long every) {
        return new ExploreOptions(nodes, time, faults, clients, keys, rate, noop, bug, swarm, preVote, checkQuorum,
                every, reads);
    }
}
