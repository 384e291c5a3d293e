package raftlab.raft;

/**
 * Timing and behaviour knobs of a node, in virtual milliseconds.
 *
 * @param noop        whether a new leader appends a no-op entry of its term (the lab's default; Figure 2 does not)
 * @param maxBatch    most entries sent in one AppendEntries
 * @param preVote     whether a node asks for pre-votes before it starts an election (section 9.6; off by default)
 * @param checkQuorum whether a leader steps down when it has not heard from a majority within an election timeout,
 *                    and a follower that hears from a leader ignores RequestVote (section 4.2.3; off by default)
 */
public record Settings(long electionMin, long electionMax, long heartbeat, boolean noop, int maxBatch,
                       boolean preVote, boolean checkQuorum) {
    public static final Settings DEFAULT = new Settings(150, 300, 50, true, 64);

    /** Figure 2's elections: no PreVote, no CheckQuorum. */
    public Settings(long electionMin, long electionMax, long heartbeat, boolean noop, int maxBatch) {
        this(electionMin, electionMax, heartbeat, noop, maxBatch, false, false);
    }

    public Settings withElections(boolean preVote, boolean checkQuorum) {
        return new Settings(electionMin, electionMax, heartbeat, noop, maxBatch, preVote, checkQuorum);
    }
}
