package raftlab.raft;

/**
 * The leader's answer to {@link ReadIndex}: {@code ok} with the read index (its commit index when the read arrived or
 * later, confirmed by a heartbeat round), or a refusal (it does not lead, or stopped leading before it could confirm).
 */
public record ReadIndexReply(int from, int to, long term, long request, boolean ok, long index) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.READ_INDEX_REPLY;
    }

    @Override
    public String fields() {
        return "term=" + term + " request=" + request + (ok ? " index=" + index : " refused");
    }
}
