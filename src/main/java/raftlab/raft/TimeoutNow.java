package raftlab.raft;

/**
 * Leadership transfer's last step (the dissertation's section 3.10): the leader, having brought the target's log up
 * to date with its own, tells it to start an election at once, without waiting for its timer or asking for pre-votes.
 */
public record TimeoutNow(int from, int to, long term) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.TIMEOUT_NOW;
    }

    @Override
    public String fields() {
        return "term=" + term;
    }
}
