package raftlab.raft;

/**
 * The kinds of {@link Message}, one per record. Code that handles every kind switches over this enum with a switch
 * expression and no default, so adding a message type makes the compiler list every place that must learn it.
 */
public enum MessageType {
    APPEND_ENTRIES("AppendEntries", true),
    APPEND_ENTRIES_REPLY("AppendEntriesReply", false),
    REQUEST_VOTE("RequestVote", true),
    REQUEST_VOTE_REPLY("RequestVoteReply", false),
    PRE_VOTE("PreVote", true),
    PRE_VOTE_REPLY("PreVoteReply", false),
    TIMEOUT_NOW("TimeoutNow", true),
    INSTALL_SNAPSHOT("InstallSnapshot", true),
    INSTALL_SNAPSHOT_REPLY("InstallSnapshotReply", false),
    READ_INDEX("ReadIndex", true),
    READ_INDEX_REPLY("ReadIndexReply", false),
    /** A client's request, over the client's own link; handed to the node's propose, never to receive. */
    CLIENT_REQUEST("ClientRequest", true),
    /** A node's final answer to a client. */
    CLIENT_RESPONSE("ClientReply", false);

    /** The RPC name, as printed and as used by message filters. */
    public final String label;
    /** A request (as opposed to a reply): the MIT tester's unreliable network delays requests and replies apart. */
    public final boolean request;

    MessageType(String label, boolean request) {
        this.label = label;
        this.request = request;
    }

    /** The type called {@code label}, or null. */
    public static MessageType byLabel(String label) {
        for (MessageType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }
}
