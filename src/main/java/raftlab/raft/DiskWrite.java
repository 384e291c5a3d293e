package raftlab.raft;

import java.util.List;

/**
 * What one step asks to be written to stable storage (Figure 2's persistent state): the current term and vote, and
 * the change to the log, as "keep the first {@code keepEntries} entries, then append {@code appended}". A step that
 * only appends keeps the whole old log; one that removed conflicting entries keeps fewer.
 *
 * <p>The lab writes it before it sends the step's messages (unless a bug says otherwise): Figure 2's "respond to
 * RPCs only after updating stable storage".
 */
public record DiskWrite(long currentTerm, int votedFor, long keepEntries, List<Entry> appended) {
    public DiskWrite {
        appended = List.copyOf(appended);
    }

    /**
     * The whole persistent state, log and all: the simplest correct write (it costs a copy of the log, which is
     * fine for a first implementation; the lab's own core writes only what changed).
     */
    public static DiskWrite whole(long currentTerm, int votedFor, RaftLogView log) {
        return new DiskWrite(currentTerm, votedFor, 0, log.slice(1, log.lastIndex()));
    }
}
