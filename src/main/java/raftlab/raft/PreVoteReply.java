package raftlab.raft;

/**
 * Answer to a {@link PreVote}. A promise carries the term asked about (so the pre-candidate can tell it from an answer
 * to an older round) and moves nobody's term; a refusal carries the voter's own current term, which a pre-candidate
 * behind it adopts like any newer term.
 */
public record PreVoteReply(int from, int to, long term, boolean voteGranted) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.PRE_VOTE_REPLY;
    }

    @Override
    public String fields() {
        return "term=" + term + " granted=" + voteGranted;
    }
}
