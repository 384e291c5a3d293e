package raftlab.raft;

/**
 * What Figure 2 calls persistent state: it survives a crash. The simulation keeps this object as the node's
 * "disk" and hands it to the new {@link RaftNode} on restart. A node updates it before it answers any RPC, which
 * is what synchronous stable storage means here.
 */
public final class PersistentState {
    long currentTerm;
    /** Candidate voted for in {@link #currentTerm}, or 0 for none. */
    int votedFor;
    final RaftLog log = new RaftLog();

    public long currentTerm() {
        return currentTerm;
    }

    public int votedFor() {
        return votedFor;
    }

    public RaftLog log() {
        return log;
    }
}
