package raftlab.raft;

/**
 * A follower asks its leader for a read index (the dissertation's section 6.4, a read served by a follower): the leader
 * confirms it still leads with a round of heartbeats and answers with its commit index; the follower serves the read
 * once it has applied that far. {@code request} names the read (the client's request id, unique in a run, so that a late
 * answer to a read from before a restart cannot be taken for the answer to a new one).
 */
public record ReadIndex(int from, int to, long term, long request) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.READ_INDEX;
    }

    @Override
    public String fields() {
        return "term=" + term + " request=" + request;
    }
}
