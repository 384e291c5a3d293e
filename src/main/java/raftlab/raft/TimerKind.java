package raftlab.raft;

/**
 * The two timers a node asks the lab for. The lab owns the clock: a node only says "fire this timer in so many
 * milliseconds" or "cancel it" (a {@link TimerRequest} in its {@link Effects}), and is stepped with
 * {@link RaftNode#timeout} when one fires.
 */
public enum TimerKind {
    /** A follower or candidate that hears from no leader for this long starts an election. */
    ELECTION,
    /** A leader sends AppendEntries (empty or not) to every follower this often. */
    HEARTBEAT;

    public String label() {
        return name().toLowerCase();
    }
}
