package raftlab.raft;

/**
 * A message's sender, receiver and term, read through its record type once its kind is known. Where every kind of
 * message passes (a node's receive, the cluster's send), {@code m.from()} and the like are calls through the
 * interface table that the JIT cannot inline; perf put those calls and their stubs at about a tenth of the deliveries
 * benchmark's cycles. Here {@link #kind} picks the record, and the rest are field reads.
 */
public final class MessageFields {
    private MessageFields() {
    }

    /**
     * {@code m.kind()}, with the two kinds of steady replication tested first by their classes (records are final:
     * a test is one compare of the class pointer). At the sites every kind passes, the JIT's type profile holds the
     * election's messages too, from the start of a run, so {@code m.kind()} stayed a call through the interface table.
     */
    public static MessageType kind(Message m) {
        if (m instanceof AppendEntries) {
            return MessageType.APPEND_ENTRIES;
        }
        if (m instanceof AppendEntriesReply) {
            return MessageType.APPEND_ENTRIES_REPLY;
        }
        return m.kind();
    }

    public static int from(Message m, MessageType kind) {
        return switch (kind) {
            case APPEND_ENTRIES -> ((AppendEntries) m).from();
            case APPEND_ENTRIES_REPLY -> ((AppendEntriesReply) m).from();
            case REQUEST_VOTE -> ((RequestVote) m).from();
            case REQUEST_VOTE_REPLY -> ((RequestVoteReply) m).from();
            case PRE_VOTE -> ((PreVote) m).from();
            case PRE_VOTE_REPLY -> ((PreVoteReply) m).from();
            case TIMEOUT_NOW -> ((TimeoutNow) m).from();
            case INSTALL_SNAPSHOT -> ((InstallSnapshot) m).from();
            case INSTALL_SNAPSHOT_REPLY -> ((InstallSnapshotReply) m).from();
            case READ_INDEX -> ((ReadIndex) m).from();
            case READ_INDEX_REPLY -> ((ReadIndexReply) m).from();
            case CLIENT_REQUEST -> ((ClientRequest) m).from();
            case CLIENT_RESPONSE -> ((ClientResponse) m).from();
        };
    }

    public static int to(Message m, MessageType kind) {
        return switch (kind) {
            case APPEND_ENTRIES -> ((AppendEntries) m).to();
            case APPEND_ENTRIES_REPLY -> ((AppendEntriesReply) m).to();
            case REQUEST_VOTE -> ((RequestVote) m).to();
            case REQUEST_VOTE_REPLY -> ((RequestVoteReply) m).to();
            case PRE_VOTE -> ((PreVote) m).to();
            case PRE_VOTE_REPLY -> ((PreVoteReply) m).to();
            case TIMEOUT_NOW -> ((TimeoutNow) m).to();
            case INSTALL_SNAPSHOT -> ((InstallSnapshot) m).to();
            case INSTALL_SNAPSHOT_REPLY -> ((InstallSnapshotReply) m).to();
            case READ_INDEX -> ((ReadIndex) m).to();
            case READ_INDEX_REPLY -> ((ReadIndexReply) m).to();
            case CLIENT_REQUEST -> ((ClientRequest) m).to();
            case CLIENT_RESPONSE -> ((ClientResponse) m).to();
        };
    }

    public static long term(Message m, MessageType kind) {
        return switch (kind) {
            case APPEND_ENTRIES -> ((AppendEntries) m).term();
            case APPEND_ENTRIES_REPLY -> ((AppendEntriesReply) m).term();
            case REQUEST_VOTE -> ((RequestVote) m).term();
            case REQUEST_VOTE_REPLY -> ((RequestVoteReply) m).term();
            case PRE_VOTE -> ((PreVote) m).term();
            case PRE_VOTE_REPLY -> ((PreVoteReply) m).term();
            case TIMEOUT_NOW -> ((TimeoutNow) m).term();
            case INSTALL_SNAPSHOT -> ((InstallSnapshot) m).term();
            case INSTALL_SNAPSHOT_REPLY -> ((InstallSnapshotReply) m).term();
            case READ_INDEX -> ((ReadIndex) m).term();
            case READ_INDEX_REPLY -> ((ReadIndexReply) m).term();
            case CLIENT_REQUEST -> ((ClientRequest) m).term();
            case CLIENT_RESPONSE -> ((ClientResponse) m).term();
        };
    }
}
