package raftlab.raft;

/**
 * RequestVote RPC arguments (Figure 2). The candidate is {@link #from()}. {@code transfer} marks an election started by
 * a leadership transfer's TimeoutNow: with CheckQuorum, a voter that still hears from a leader votes in it anyway
 * (the dissertation's section 4.2.3), since the leader itself asked for it.
 */
public record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm, boolean transfer)
        implements Message {
    public RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) {
        this(from, to, term, lastLogIndex, lastLogTerm, false);
    }

    @Override
    public MessageType kind() {
        return MessageType.REQUEST_VOTE;
    }

    @Override
    public String fields() {
        return "term=" + term + " lastLogIndex=" + lastLogIndex + " lastLogTerm=" + lastLogTerm
                + (transfer ? " transfer=true" : "");
    }
}
