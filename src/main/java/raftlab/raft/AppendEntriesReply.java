package raftlab.raft;

/**
 * AppendEntries RPC results (Figure 2), plus what makes the leader fast and robust to reordering:
 * {@code matchIndex} is the last index the follower now knows matches the leader (set on success), and
 * on failure {@code conflictTerm}/{@code conflictIndex} let the leader skip a whole term at a time
 * (conflictTerm 0 means the follower's log is too short and conflictIndex is its length + 1).
 */
public record AppendEntriesReply(int from, int to, long term, boolean success, long matchIndex, long conflictTerm,
                                 long conflictIndex) implements Message {
    @Override
    public MessageType kind() {
        return MessageType.APPEND_ENTRIES_REPLY;
    }

    @Override
    public String fields() {
        if (success) {
            return "term=" + term + " success=true match=" + matchIndex;
        }
        return "term=" + term + " success=false conflictTerm=" + conflictTerm + " conflictIndex=" + conflictIndex;
    }
}
