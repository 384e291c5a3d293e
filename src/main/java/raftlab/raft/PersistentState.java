package raftlab.raft;

/**
 * What Figure 2 calls persistent state: currentTerm, votedFor and the log. It survives a crash. The simulation keeps
 * one per node as the contents of its disk, changed only by {@link #apply}ing the {@link DiskWrite}s the node's steps
 * return; a restarted node is given a copy to start from.
 */
public final class PersistentState {
    long currentTerm;
    /** Candidate voted for in {@link #currentTerm}, or 0 for none. */
    int votedFor;
    final RaftLog log;

    public PersistentState() {
        this(new RaftLog());
    }

    private PersistentState(RaftLog log) {
        this.log = log;
    }

    public long currentTerm() {
        return currentTerm;
    }

    public int votedFor() {
        return votedFor;
    }

    public RaftLogView log() {
        return log;
    }

    /** Makes the write: sets term and vote, keeps the first {@code keepEntries} entries and appends the rest. */
    public void apply(DiskWrite w) {
        currentTerm = w.currentTerm();
        votedFor = w.votedFor();
        if (log.lastIndex() > w.keepEntries()) {
            log.truncateFrom(w.keepEntries() + 1);
        }
        for (Entry e : w.appended()) {
            log.append(e);
        }
        log.takeChangedFrom(); // the disk does not track changes; only a node's working copy does
    }

    /** An independent copy (entries are immutable and shared). */
    public PersistentState copy() {
        PersistentState c = new PersistentState(log.copy());
        c.currentTerm = currentTerm;
        c.votedFor = votedFor;
        return c;
    }

    /** Replaces this state with a copy of {@code other}: what a power loss does to the disk. */
    public void resetTo(PersistentState other) {
        currentTerm = other.currentTerm;
        votedFor = other.votedFor;
        log.truncateFrom(1);
        for (long i = 1; i <= other.log.lastIndex(); i++) {
            log.append(other.log.get(i));
        }
        log.takeChangedFrom();
    }
}
