package raftlab.raft;

import java.util.List;

/**
 * AppendEntries RPC arguments (Figure 2). The leader is {@link #from()}; no entries means a heartbeat. {@code read}, when
 * above 0, numbers a round of heartbeats a leader sends to confirm it still leads before it serves reads (section
 * 6.4): the follower's reply echoes it (0 in every other message, and in Figure 2).
 */
public record AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm, List<Entry> entries,
                            long leaderCommit, long read) implements Message {
    public AppendEntries {
        // Read-only, and of one list class whoever made it (see EntryList): a node's list of its own is copied. A
        // null list stays null, for the lab to name the learner's mistake (GuardedNode) rather than fail here.
        entries = entries == null ? null : EntryList.of(entries);
    }

    /** Figure 2's fields: no read round. */
    public AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm, List<Entry> entries,
                         long leaderCommit) {
        this(from, to, term, prevLogIndex, prevLogTerm, entries, leaderCommit, 0);
    }

    @Override
    public MessageType kind() {
        return MessageType.APPEND_ENTRIES;
    }

    @Override
    public String fields() {
        StringBuilder sb = new StringBuilder();
        sb.append("term=").append(term).append(" prev=").append(prevLogIndex).append('/').append(prevLogTerm);
        sb.append(" entries=");
        if (entries.isEmpty()) {
            sb.append("[]");
        } else {
            sb.append('[').append(prevLogIndex + 1);
            if (entries.size() > 1) {
                sb.append("..").append(prevLogIndex + entries.size());
            }
            sb.append(']');
        }
        sb.append(" commit=").append(leaderCommit);
        if (read > 0) {
            sb.append(" read=").append(read);
        }
        return sb.toString();
    }
}
