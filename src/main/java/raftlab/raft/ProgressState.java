package raftlab.raft;

/** How a leader replicates to one follower (etcd's tracker states). */
public enum ProgressState {
    /**
     * The leader does not know where the follower's log matches its own: it sends one AppendEntries and waits for the
     * answer (or the next heartbeat) before sending another, backing up on each refusal.
     */
    PROBE,
    /** The follower's match is known: entries are sent as they come, assuming they arrive (pipelined). */
    REPLICATE,
    /**
     * The follower needs entries the leader has compacted away: the leader sends its snapshot (InstallSnapshot, in
     * chunks) and nothing else until the follower says it holds it, then replicates from there.
     */
    SNAPSHOT;

    public String label() {
        return name().toLowerCase();
    }
}
