package raftlab.raft;

/**
 * PreVote request (the dissertation's section 9.6): "could I win an election for {@code term}?", asked before a node
 * changes its own term. {@code term} is the term the pre-candidate would campaign in (its current term + 1); unlike
 * every other message it does not move the receiver's term.
 */
public record PreVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.PRE_VOTE;
    }

    @Override
    public String fields() {
        return "term=" + term + " lastLogIndex=" + lastLogIndex + " lastLogTerm=" + lastLogTerm;
    }
}
