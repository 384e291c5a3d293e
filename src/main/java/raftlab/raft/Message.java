package raftlab.raft;

/** An RPC between two nodes. Replies are messages too: the simulated network carries both. */
public interface Message {
    int from();

    int to();

    long term();

    /** The RPC name, as printed and as used by message filters: {@code AppendEntries}, ... */
    String type();

    /** The Figure 2 fields as {@code name=value} pairs, separated by spaces. */
    String fields();
}
