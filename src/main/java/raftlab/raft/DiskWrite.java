package raftlab.raft;

import java.util.List;

/**
 * What one step asks to be written to stable storage (Figure 2's persistent state): the current term and vote, and
 * the change to the log, as "keep the entries up to index {@code keepEntries}, then append {@code appended}". A step
 * that only appends keeps the whole old log; one that removed conflicting entries keeps fewer. A {@code snapshot}
 * (null if the step took or installed none) is written first: the log then starts after it, keeping the entries that
 * follow its last entry if the log holds that entry and none otherwise (Figure 13).
 *
 * <p>The lab writes it before it sends the step's messages (unless a bug says otherwise): Figure 2's "respond to
 * RPCs only after updating stable storage".
 */
public record DiskWrite(long currentTerm, int votedFor, long keepEntries, List<Entry> appended, Snapshot snapshot) {
    public DiskWrite {
        // A log's slice is read-only already (and the usual argument): copying it again would only cost.
        appended = EntryList.of(appended);
    }

    /** A write that changes no snapshot. */
    public DiskWrite(long currentTerm, int votedFor, long keepEntries, List<Entry> appended) {
        this(currentTerm, votedFor, keepEntries, appended, null);
    }

    /**
     * The whole persistent state, log and all: the simplest correct write (it costs a copy of the log, which is
     * fine for a first implementation; the lab's own core writes only what changed).
     */
    public static DiskWrite whole(long currentTerm, int votedFor, RaftLogView log) {
        return new DiskWrite(currentTerm, votedFor, 0, log.slice(1, log.lastIndex()));
    }
}
