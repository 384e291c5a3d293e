package raftlab.picture;

import java.util.List;

import raftlab.raft.Entry;
import raftlab.raft.Role;

/**
 * A node's visible state after an event changed it. The log is given as a difference: from index
 * {@code logFrom} on, the log now holds {@code logTail} (so the new length is {@code logFrom - 1 + logTail.size()});
 * {@code logTail} is null when the log did not change.
 */
public record StateChange(long time, long seq, int node, boolean up, Role role, long term, long commit, long applied,
                          long logFrom, List<Entry> logTail) {
}
