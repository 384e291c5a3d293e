package raftlab.raft;

/**
 * An RPC between two nodes. Replies are messages too: the simulated network carries both. Sealed: these
 * records are every message there is, and {@link #kind()} lets a switch expression over them be checked for
 * completeness by the compiler.
 */
public sealed interface Message permits AppendEntries, AppendEntriesReply, RequestVote, RequestVoteReply,
        PreVote, PreVoteReply, TimeoutNow,
        InstallSnapshot, InstallSnapshotReply,
        ReadIndex, ReadIndexReply,
        ClientRequest, ClientResponse {
    int from();

    int to();

    long term();

    MessageType kind();

    /** The RPC name, as printed and as used by message filters: {@code AppendEntries}, ... */
    default String type() {
        return kind().label;
    }

    /** The Figure 2 fields as {@code name=value} pairs, separated by spaces. */
    String fields();
}
