package raftlab.raft;

/**
 * A node's final answer to a client's request, on its way back over the virtual network (see {@link ClientRequest}
 * for how clients are endpoints). Only final answers travel: a leader's "accepted at index I" is news for the lab's
 * own printout, not something a client waits for.
 */
public record ClientResponse(int from, int to, ClientReply reply) implements Message {
    @Override
    public long term() {
        return 0;
    }

    @Override
    public MessageType kind() {
        return MessageType.CLIENT_RESPONSE;
    }

    @Override
    public String fields() {
        StringBuilder sb = new StringBuilder("request=#").append(reply.requestId()).append(' ')
                .append(reply.status().name().toLowerCase(java.util.Locale.ROOT));
        if (reply.index() != 0) {
            sb.append(" index=").append(reply.index());
        }
        if (reply.value() != null) {
            sb.append(" value=").append(reply.value());
        }
        if (reply.leaderHint() != 0) {
            sb.append(" leader=").append(reply.leaderHint());
        }
        return sb.toString();
    }
}
