package raftlab.raft;

/**
 * What Figure 2 calls persistent state: currentTerm, votedFor and the log, plus the snapshot the log starts after
 * (Figure 13). It survives a crash. The simulation keeps
 * one per node as the contents of its disk, changed only by {@link #apply}ing the {@link DiskWrite}s the node's steps
 * return; a restarted node is given a copy to start from.
 */
public final class PersistentState {
    long currentTerm;
    /** Candidate voted for in {@link #currentTerm}, or 0 for none. */
    int votedFor;
    final RaftLog log;
    /** The snapshot the log starts after ({@link Snapshot#NONE} if none). */
    Snapshot snapshot = Snapshot.NONE;

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

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Makes the write: sets term and vote, keeps the first {@code keepEntries} entries and appends the rest. */
    public void apply(DiskWrite w) {
        currentTerm = w.currentTerm();
        votedFor = w.votedFor();
        Snapshot s = w.snapshot();
        if (s != null && s.index() > snapshot.index()) {
            installSnapshot(s);
        }
        if (log.lastIndex() > w.keepEntries() && w.keepEntries() >= log.snapshotIndex()) {
            log.truncateFrom(w.keepEntries() + 1);
        }
        java.util.List<Entry> appended = w.appended();
        for (int i = 0; i < appended.size(); i++) {
            log.append(appended.get(i)); // indexed: no iterator per write
        }
        log.takeChangedFrom(); // the disk does not track changes; only a node's working copy does
    }

    /**
     * Makes {@code s} the snapshot the log starts after. The entries it covers go; if the log reaches its index, the
     * entries after it stay for now (the write's keepEntries then says whether they stay: a node that discarded its
     * log asks to keep nothing after the snapshot), otherwise the whole log goes.
     */
    void installSnapshot(Snapshot s) {
        snapshot = s;
        if (s.index() <= log.lastIndex()) {
            log.compactTo(s.index(), s.term());
        } else {
            log.resetTo(s.index(), s.term());
        }
    }

    /** An independent copy (entries are immutable and shared). */
    public PersistentState copy() {
        PersistentState c = new PersistentState(log.copy());
        c.currentTerm = currentTerm;
        c.votedFor = votedFor;
        c.snapshot = snapshot;
        return c;
    }

    /** Replaces this state with a copy of {@code other}: what a power loss does to the disk. */
    public void resetTo(PersistentState other) {
        currentTerm = other.currentTerm;
        votedFor = other.votedFor;
        snapshot = other.snapshot;
        log.resetTo(other.log.snapshotIndex(), other.log.snapshotTerm());
        for (long i = other.log.firstIndex(); i <= other.log.lastIndex(); i++) {
            log.append(other.log.get(i));
        }
        log.takeChangedFrom();
    }
}
