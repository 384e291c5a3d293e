package raftlab.raft;

/**
 * Timing and behaviour knobs of a node, in virtual milliseconds.
 *
 * @param noop     whether a new leader appends a no-op entry of its term (the lab's default; Figure 2 does not)
 * @param maxBatch most entries sent in one AppendEntries
 */
public record Settings(long electionMin, long electionMax, long heartbeat, boolean noop, int maxBatch) {
    public static final Settings DEFAULT = new Settings(150, 300, 50, true, 64);
}
