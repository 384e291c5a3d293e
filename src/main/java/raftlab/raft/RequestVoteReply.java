package raftlab.raft;

/** RequestVote RPC results (Figure 2). */
public record RequestVoteReply(int from, int to, long term, boolean voteGranted) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.REQUEST_VOTE_REPLY;
    }

    @Override
    public String fields() {
        return "term=" + term + " granted=" + voteGranted;
    }
}
