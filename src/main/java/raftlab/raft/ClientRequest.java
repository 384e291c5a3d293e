package raftlab.raft;

/**
 * A client's request on its way to a node over the virtual network. Clients are network endpoints too: client
 * {@code c} is endpoint {@code -1 - c} (printed {@code c0}, {@code c1}...), so that node ids keep their meaning and a
 * client's links ({@code c1->2}, {@code 2->c1}) are told apart from the nodes' at a glance. The host hands the
 * command to the node's {@link RaftNode#propose} when it arrives: a node never receives this through
 * {@link RaftNode#receive}. It carries no term: clients take no part in elections.
 */
public record ClientRequest(int from, int to, Command command) implements Message {
    /** The endpoint id of client {@code client} (0, 1, ...): a negative number, never a node id. */
    public static int endpoint(int client) {
        return -1 - client;
    }

    /** The client whose endpoint id is {@code endpoint}. */
    public static int clientOf(int endpoint) {
        return -1 - endpoint;
    }

    /** Whether {@code endpoint} is a client's rather than a node's. */
    public static boolean isClient(int endpoint) {
        return endpoint < 0;
    }

    /** Whether the message travels a client's link (to or from a client). */
    public static boolean isClientLink(Message m) {
        return m.from() < 0 || m.to() < 0;
    }

    /** A node as its id ({@code 3}), a client as {@code c1}: how message lines name the two ends of a link. */
    public static String name(int endpoint) {
        return endpoint < 0 ? "c" + clientOf(endpoint) : Integer.toString(endpoint);
    }

    @Override
    public long term() {
        return 0;
    }

    @Override
    public MessageType kind() {
        return MessageType.CLIENT_REQUEST;
    }

    @Override
    public String fields() {
        return "request=#" + command.requestId() + " seq=" + command.seq() + " " + command.describe();
    }
}
