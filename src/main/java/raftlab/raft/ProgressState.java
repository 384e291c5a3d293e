package raftlab.raft;

/**
 * How a leader replicates to one follower (etcd's tracker states). A snapshot state (waiting for an
 * InstallSnapshot to land, when the follower's next entry has been compacted away) joins these with log compaction.
 */
public enum ProgressState {
    /**
     * The leader does not know where the follower's log matches its own: it sends one AppendEntries and waits for the
     * answer (or the next heartbeat) before sending another, backing up on each refusal.
     */
    PROBE,
    /** The follower's match is known: entries are sent as they come, assuming they arrive (pipelined). */
    REPLICATE;

    public String label() {
        return name().toLowerCase();
    }
}
