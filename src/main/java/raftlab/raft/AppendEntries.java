package raftlab.raft;

import java.util.List;

/** AppendEntries RPC arguments (Figure 2). The leader is {@link #from()}; no entries means a heartbeat. */
public record AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm, List<Entry> entries,
                            long leaderCommit) implements Message {
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
        return sb.toString();
    }
}
