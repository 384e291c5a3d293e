package raftlab.raft;

/** RequestVote RPC arguments (Figure 2). The candidate is {@link #from()}. */
public record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.REQUEST_VOTE;
    }

    @Override
    public String fields() {
        return "term=" + term + " lastLogIndex=" + lastLogIndex + " lastLogTerm=" + lastLogTerm;
    }
}
