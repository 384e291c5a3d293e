package raftlab.raft;

/**
 * AppendEntries RPC results (Figure 2), plus what makes the leader fast and robust to reordering:
 * {@code matchIndex} is the last index the follower now knows matches the leader (set on success);
 * on a refusal, {@code rejectedIndex} is the prevLogIndex it could not match, so the leader can tell a refusal of
 * what it sent last from a stale one, and {@code conflictTerm}/{@code conflictIndex} let it skip a whole term at a
 * time (conflictTerm 0 means the follower's log is too short and conflictIndex is its length + 1). A refusal of a
 * message from an older term refuses no index: rejectedIndex is 0 (index 0 always matches, so no log mismatch
 * is ever reported there). {@code read} echoes the read round of the AppendEntries it answers (0 if none): any
 * answer in the leader's term, success or not, tells the leader this follower still followed it after that round left.
 */
public record AppendEntriesReply(int from, int to, long term, boolean success, long matchIndex, long rejectedIndex,
                                 long conflictTerm, long conflictIndex, long read) implements Message {
    /** Figure 2's fields (and the hints): no read round. */
    public AppendEntriesReply(int from, int to, long term, boolean success, long matchIndex, long rejectedIndex,
                              long conflictTerm, long conflictIndex) {
        this(from, to, term, success, matchIndex, rejectedIndex, conflictTerm, conflictIndex, 0);
    }

    /** The same answer, echoing read round {@code round}. */
    public AppendEntriesReply withRead(long round) {
        return round == read ? this : new AppendEntriesReply(from, to, term, success, matchIndex, rejectedIndex,
                conflictTerm, conflictIndex, round);
    }

    /** A success: the follower's log matches the leader's up to {@code matchIndex}. */
    public static AppendEntriesReply ok(int from, int to, long term, long matchIndex) {
        return new AppendEntriesReply(from, to, term, true, matchIndex, 0, 0, 0);
    }

    /** A log mismatch at {@code rejectedIndex}, with the follower's hint. */
    public static AppendEntriesReply mismatch(int from, int to, long term, long rejectedIndex, long conflictTerm,
                                              long conflictIndex) {
        return new AppendEntriesReply(from, to, term, false, 0, rejectedIndex, conflictTerm, conflictIndex);
    }

    /** The message came from an older term than the follower's. */
    public static AppendEntriesReply staleTerm(int from, int to, long term) {
        return new AppendEntriesReply(from, to, term, false, 0, 0, 0, 0);
    }

    @Override
    public MessageType kind() {
        return MessageType.APPEND_ENTRIES_REPLY;
    }

    @Override
    public String fields() {
        String r = read > 0 ? " read=" + read : "";
        return figure2Fields() + r;
    }

    private String figure2Fields() {
        if (success) {
            return "term=" + term + " success=true match=" + matchIndex;
        }
        if (rejectedIndex == 0) {
            return "term=" + term + " success=false (older term)";
        }
        return "term=" + term + " success=false rejected=" + rejectedIndex + " conflictTerm=" + conflictTerm
                + " conflictIndex=" + conflictIndex;
    }
}
