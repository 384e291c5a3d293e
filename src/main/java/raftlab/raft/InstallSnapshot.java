package raftlab.raft;

/**
 * InstallSnapshot RPC arguments, one chunk of a snapshot (Figure 13): the leader's term and id, the index and term of
 * the last entry the snapshot replaces, the chunk's byte offset in the snapshot's data, the chunk's bytes, and whether
 * it is the last chunk. The leader is {@link #from()} and {@link #leaderId()} both (Figure 13 names it). The array is
 * never changed after the message is made.
 */
public record InstallSnapshot(int from, int to, long term, int leaderId, long lastIncludedIndex, long lastIncludedTerm,
                              int offset, byte[] data, boolean done) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.INSTALL_SNAPSHOT;
    }

    @Override
    public String fields() {
        return "term=" + term + " last=" + lastIncludedIndex + "/" + lastIncludedTerm + " offset=" + offset
                + " size=" + data.length + " done=" + done;
    }
}
