package raftlab.raft;

/**
 * A follower asks its leader for a read index (the dissertation's section 6.4, a read served by a follower): the leader
 * confirms it still leads with a round of heartbeats and answers with its commit index; the follower serves the read
 * once it has applied that far. {@code read} numbers the follower's requests, so the answer finds its read.
 */
public record ReadIndex(int from, int to, long term, long read) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.READ_INDEX;
    }

    @Override
    public String fields() {
        return "term=" + term + " read=" + read;
    }
}
