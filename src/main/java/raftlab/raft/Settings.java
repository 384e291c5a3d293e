package raftlab.raft;

/**
 * Timing and behaviour knobs of a node, in virtual milliseconds.
 *
 * @param noop          whether a new leader appends a no-op entry of its term (the lab's default; Figure 2 does not)
 * @param maxBatch      most entries sent in one AppendEntries
 * @param maxInflight   most AppendEntries carrying entries unanswered per follower in replicate state (0: no limit)
 * @param backoff       how a refusal moves nextIndex back
 * @param snapshotEvery take a snapshot once this many entries were applied since the last one (0: never by itself)
 * @param snapshotChunk most bytes of snapshot data in one InstallSnapshot
 * @param batch         a leader sends the entries proposed in one virtual instant together, at the end of it
 * @param preVote       whether a node asks for pre-votes before it starts an election (section 9.6; off by default)
 * @param checkQuorum   whether a leader steps down when it has not heard from a majority within an election timeout,
 *                      and a follower that hears from a leader ignores RequestVote (section 4.2.3; off by default)
 * @param reads         how a get is served: through the log, by ReadIndex (the default) or under a lease
 * @param maxDrift      the clock drift bound a lease assumes: no node's clock runs more than this many times as fast
 *                      as another's (default 2); a lease lasts less than electionMin / maxDrift
 */
public record Settings(long electionMin, long electionMax, long heartbeat, boolean noop, int maxBatch,
                       int maxInflight, Backoff backoff, long snapshotEvery, int snapshotChunk, boolean batch,
                       boolean preVote, boolean checkQuorum, ReadMode reads, double maxDrift) {
    public static final double DEFAULT_MAX_DRIFT = 2.0;
    /** The lab's defaults, as {@code cluster} makes them: with the no-op, and batching proposals of one instant. */
    public static final Settings DEFAULT = new Settings(150, 300, 50, true, 64).withBatch(true);

    /**
     * Figure 2's elections (no PreVote, no CheckQuorum), default flow control except batching (each proposal goes out
     * as it comes, as Figure 2 sends it: the unit tests of the core step nodes by hand, with no flush timer firing),
     * no automatic snapshots, 1024-byte snapshot chunks.
     */
    public Settings(long electionMin, long electionMax, long heartbeat, boolean noop, int maxBatch) {
        this(electionMin, electionMax, heartbeat, noop, maxBatch, 0, Backoff.TERM, 0, 1024, false, false, false);
    }

    /** Reads by ReadIndex (the lab's default), with the default drift bound. */
    public Settings(long electionMin, long electionMax, long heartbeat, boolean noop, int maxBatch, int maxInflight,
                    Backoff backoff, long snapshotEvery, int snapshotChunk, boolean batch, boolean preVote,
                    boolean checkQuorum) {
        this(electionMin, electionMax, heartbeat, noop, maxBatch, maxInflight, backoff, snapshotEvery, snapshotChunk,
                batch, preVote, checkQuorum, ReadMode.READINDEX, DEFAULT_MAX_DRIFT);
    }

    /** The same settings with gets served as {@code mode} says, a lease assuming drift within {@code drift}. */
    public Settings withReads(ReadMode mode, double drift) {
        return new Settings(electionMin, electionMax, heartbeat, noop, maxBatch, maxInflight, backoff, snapshotEvery,
                snapshotChunk, batch, preVote, checkQuorum, mode, drift);
    }

    public Settings withElections(boolean preVote, boolean checkQuorum) {
        return new Settings(electionMin, electionMax, heartbeat, noop, maxBatch, maxInflight, backoff, snapshotEvery,
                snapshotChunk, batch, preVote, checkQuorum, reads, maxDrift);
    }

    public Settings withFlow(int maxBatch, int maxInflight, Backoff backoff) {
        return new Settings(electionMin, electionMax, heartbeat, noop, maxBatch, maxInflight, backoff, snapshotEvery,
                snapshotChunk, batch, preVote, checkQuorum, reads, maxDrift);
    }

    public Settings withSnapshots(long every, int chunk) {
        return new Settings(electionMin, electionMax, heartbeat, noop, maxBatch, maxInflight, backoff, every, chunk,
                batch, preVote, checkQuorum, reads, maxDrift);
    }

    public Settings withBatch(boolean on) {
        return new Settings(electionMin, electionMax, heartbeat, noop, maxBatch, maxInflight, backoff, snapshotEvery,
                snapshotChunk, on, preVote, checkQuorum, reads, maxDrift);
    }
}
