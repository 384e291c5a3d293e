package raftlab.check.invariant;

import raftlab.raft.Entry;
import raftlab.raft.RaftLogView;

/**
 * A snapshot replaces committed entries only, and records the term of the committed entry it ends with. Otherwise a
 * node's state holds something never agreed (a snapshot of uncommitted entries), or the term it compares logs by at
 * the snapshot's boundary is wrong. Judged when a disk's snapshot changes, against the entries known committed
 * before this event (a correct node compacts only what it applied in an earlier step).
 */
public final class SnapshotCommitted implements Invariant {
    public static final String PROPERTY = "Snapshot Holds Committed Entries";

    /** Each disk's snapshot index at the last look. */
    private final long[] seen;

    public SnapshotCommitted(Watch w) {
        seen = new long[w.capacity() + 1];
        for (int id = 1; id <= w.size(); id++) {
            seen[id] = w.log(id).snapshotIndex(); // snapshots already there are taken as given
        }
    }

    @Override
    public void afterEvent(Watch w) {
        Commitments c = w.commitments();
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftLogView log = w.log(id);
            long s = log.snapshotIndex();
            if (s <= seen[id]) {
                // Unchanged, or gone back: a power loss can take away a snapshot that was not yet durable (the disk
                // falls back to what it kept, which was checked when it was taken).
                seen[id] = s;
                continue;
            }
            seen[id] = s;
            if (s > c.size()) {
                w.report(PROPERTY, "n" + id + "@" + s, "n" + id + " holds a snapshot up to index " + s
                        + " but entries are committed only up to index " + c.size());
                continue;
            }
            Entry e = c.entry(s);
            if (e != null && e.term() != log.snapshotTerm()) {
                w.report(PROPERTY, "n" + id + "@" + s, "n" + id + "'s snapshot ends at index " + s + " with term "
                        + log.snapshotTerm() + ", but the entry committed there is " + Describe.entry(e));
            }
        }
    }
}
