package raftlab.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The replicated log, indexed from 1 as in the paper. Index 0 is the empty prefix with term 0, which makes
 * the prevLogIndex/prevLogTerm check uniform for the first entry.
 */
public final class RaftLog implements RaftLogView {
    private final ArrayList<Entry> entries = new ArrayList<>();

    /** The lowest index appended or removed since {@link #takeChangedFrom}, or Long.MAX_VALUE if none. */
    private long changedFrom = Long.MAX_VALUE;

    /** An empty log. */
    public RaftLog() {
    }

    /** A log holding the same entries as {@code other}: how a node starts from {@link NodeSetup#restored()}. */
    public static RaftLog copyOf(RaftLogView other) {
        RaftLog c = new RaftLog();
        for (long i = 1; i <= other.lastIndex(); i++) {
            c.entries.add(other.get(i));
        }
        return c;
    }

    @Override
    public long lastIndex() {
        return entries.size();
    }

    @Override
    public long termAt(long index) {
        return index == 0 ? 0 : entries.get((int) index - 1).term();
    }

    @Override
    public Entry get(long index) {
        return entries.get((int) index - 1);
    }

    public void append(Entry e) {
        entries.add(e);
        changedFrom = Math.min(changedFrom, entries.size());
    }

    /** Removes the entries at {@code fromIndex} and after; used only on a real conflict. */
    public void truncateFrom(long fromIndex) {
        entries.subList((int) fromIndex - 1, entries.size()).clear();
        changedFrom = Math.min(changedFrom, fromIndex);
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
        return c;
    }

    @Override
    public List<Entry> slice(long fromIndex, long toIndex) {
        if (fromIndex > toIndex) {
            return List.of();
        }
        return List.copyOf(entries.subList((int) fromIndex - 1, (int) toIndex));
    }

    /** First index holding {@code term}, searching back from {@code index}; the follower's conflict hint. */
    public long firstIndexOfTerm(long term, long index) {
        long i = index;
        while (i > 1 && termAt(i - 1) == term) {
            i--;
        }
        return i;
    }

    /** Last index holding {@code term}, or 0; the leader uses it to act on a follower's conflict hint. */
    public long lastIndexOfTerm(long term) {
        for (long i = lastIndex(); i >= 1; i--) {
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
