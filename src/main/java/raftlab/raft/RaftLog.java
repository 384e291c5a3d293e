package raftlab.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The replicated log, indexed from 1 as in the paper. It may start after a snapshot: the entries up to
 * {@link #snapshotIndex()} are then gone, and only their last index and term are kept, so that the
 * prevLogIndex/prevLogTerm check still works at the boundary. With no snapshot that is index 0 with term 0.
 */
public final class RaftLog implements RaftLogView {
    private final ArrayList<Entry> entries = new ArrayList<>();
    /** Index and term of the last entry replaced by a snapshot (0 and 0 if none). */
    private long snapshotIndex;
    private long snapshotTerm;

    /** The last one-entry slice handed out, or null: handed out again for the same entry. */
    private EntryList lastSingle;

    /** The lowest index appended or removed since {@link #takeChangedFrom}, or Long.MAX_VALUE if none. */
    private long changedFrom = Long.MAX_VALUE;

    /** An empty log. */
    public RaftLog() {
    }

    /**
     * A log holding the same entries as {@code other} (and starting after the same snapshot, if it does): how a node
     * starts from {@link NodeSetup#restored()}.
     */
    public static RaftLog copyOf(RaftLogView other) {
        RaftLog c = new RaftLog();
        c.snapshotIndex = other.snapshotIndex();
        c.snapshotTerm = other.snapshotTerm();
        for (long i = other.firstIndex(); i <= other.lastIndex(); i++) {
            c.entries.add(other.get(i));
        }
        return c;
    }

    @Override
    public long lastIndex() {
        return snapshotIndex + entries.size();
    }

    @Override
    public long snapshotIndex() {
        return snapshotIndex;
    }

    @Override
    public long snapshotTerm() {
        return snapshotTerm;
    }

    @Override
    public long termAt(long index) {
        if (index == snapshotIndex) {
            return snapshotTerm;
        }
        if (index < snapshotIndex) {
            throw new IllegalArgumentException("index " + index + " is compacted (snapshot at " + snapshotIndex + ")");
        }
        return entries.get((int) (index - snapshotIndex) - 1).term();
    }

    @Override
    public Entry get(long index) {
        if (index <= snapshotIndex) {
            throw new IllegalArgumentException("index " + index + " is compacted (snapshot at " + snapshotIndex + ")");
        }
        return entries.get((int) (index - snapshotIndex) - 1);
    }

    public void append(Entry e) {
        entries.add(e);
        changedFrom = Math.min(changedFrom, lastIndex());
    }

    /** Removes the entries at {@code fromIndex} and after; used only on a real conflict. */
    public void truncateFrom(long fromIndex) {
        entries.subList((int) (fromIndex - snapshotIndex) - 1, entries.size()).clear();
        changedFrom = Math.min(changedFrom, fromIndex);
    }

    /**
     * Drops the entries up to {@code index}, which a snapshot now covers; the entries after it stay. The caller has
     * checked that the log holds an entry of term {@code term} at {@code index} (or that it is the boundary already).
     * Not a change to the entries that remain, so it does not count for {@link #takeChangedFrom}.
     */
    public void compactTo(long index, long term) {
        if (index <= snapshotIndex) {
            return;
        }
        entries.subList(0, (int) (index - snapshotIndex)).clear();
        snapshotIndex = index;
        snapshotTerm = term;
    }

    /** Throws every entry away: the log now starts after a snapshot of {@code index} and {@code term}. */
    public void resetTo(long index, long term) {
        entries.clear();
        snapshotIndex = index;
        snapshotTerm = term;
        changedFrom = Math.min(changedFrom, index + 1);
    }

    /** Whether the log holds (or its snapshot ends with) an entry of term {@code term} at {@code index}. */
    public boolean matches(long index, long term) {
        return index >= snapshotIndex && index <= lastIndex() && termAt(index) == term;
    }

    /**
     * The lowest index appended or removed since the last call, or Long.MAX_VALUE if the log did not change; resets
     * it. What a step must write to disk is the log from there on.
     */
    long takeChangedFrom() {
        long c = changedFrom;
        changedFrom = Long.MAX_VALUE;
        return c;
    }

    /** A copy with the same entries (they are immutable, so they are shared). */
    RaftLog copy() {
        RaftLog c = new RaftLog();
        c.entries.addAll(entries);
        c.snapshotIndex = snapshotIndex;
        c.snapshotTerm = snapshotTerm;
        return c;
    }

    @Override
    public List<Entry> slice(long fromIndex, long toIndex) {
        if (fromIndex > toIndex) {
            return EntryList.EMPTY;
        }
        if (fromIndex == toIndex) {
            // The usual one. A leader slices its newest entry for its disk and then for each follower: the same entry
            // object (a replaced entry is another object) gets the same read-only list.
            Entry e = entries.get((int) (fromIndex - snapshotIndex) - 1);
            if (lastSingle == null || lastSingle.get(0) != e) {
                lastSingle = EntryList.of(e);
            }
            return lastSingle;
        }
        int from = (int) (fromIndex - snapshotIndex) - 1;
        int to = (int) (toIndex - snapshotIndex);
        if (from < 0 || to > entries.size()) {
            entries.subList(from, to); // out of range: throws what slicing always threw
        }
        Entry[] run = new Entry[to - from];
        for (int i = 0; i < run.length; i++) {
            run[i] = entries.get(from + i);
        }
        return new EntryList(run); // one array, copied once (List.copyOf of a sublist copied it twice)
    }

    /** First index holding {@code term}, searching back from {@code index}; the follower's conflict hint. */
    public long firstIndexOfTerm(long term, long index) {
        long i = index;
        while (i > snapshotIndex + 1 && termAt(i - 1) == term) {
            i--;
        }
        return i;
    }

    /** Last index holding {@code term}, or 0; the leader uses it to act on a follower's conflict hint. */
    public long lastIndexOfTerm(long term) {
        for (long i = lastIndex(); i > snapshotIndex; i--) {
            long t = termAt(i);
            if (t == term) {
                return i;
            }
            if (t < term) {
                return 0;
            }
        }
        return 0;
    }
}
