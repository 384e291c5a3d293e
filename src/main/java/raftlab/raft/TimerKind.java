package raftlab.raft;

/**
 * The timers a node asks the lab for. The lab owns the clock: a node only says "fire this timer in so many
 * milliseconds" or "cancel it" (a {@link TimerRequest} in its {@link Effects}), and is stepped with
 * {@link RaftNode#timeout} when one fires.
 */
public enum TimerKind {
    /** A follower or candidate that hears from no leader for this long starts an election. */
    ELECTION,
    /** A leader sends AppendEntries (empty or not) to every follower this often. */
    HEARTBEAT,
    /**
     * With PreVote or CheckQuorum only: armed for the minimum election timeout whenever a follower hears from its
     * leader. While it runs the node refuses pre-votes and (with CheckQuorum) ignores RequestVote.
     */
    LEASE,
    /**
     * Asked for with a delay of 0 by a leader that batches: it fires after everything else due in the same virtual
     * instant, so the entries proposed in that instant go out in one AppendEntries per follower.
     */
    FLUSH;

    public String label() {
        return name().toLowerCase();
    }
}
