package raftlab.raft;

/**
 * InstallSnapshot RPC results: Figure 13's term, plus what lets the leader go on without guessing. {@code
 * lastIncludedIndex} names the snapshot the answer is about; {@code installed} says the follower now holds it (or
 * already held everything it covers), so its log matches the leader's up to that index; otherwise {@code received}
 * is how many bytes from the start the follower has so far, where a resend should begin.
 */
public record InstallSnapshotReply(int from, int to, long term, long lastIncludedIndex, boolean installed,
                                   int received) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.INSTALL_SNAPSHOT_REPLY;
    }

    @Override
    public String fields() {
        return "term=" + term + " last=" + lastIncludedIndex
                + (installed ? " installed=true" : " installed=false received=" + received);
    }
}
