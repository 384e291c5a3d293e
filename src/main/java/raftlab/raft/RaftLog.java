package raftlab.raft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The replicated log, indexed from 1 as in the paper. Index 0 is the empty prefix with term 0, which makes
 * the prevLogIndex/prevLogTerm check uniform for the first entry.
 */
public final class RaftLog {
    private final ArrayList<Entry> entries = new ArrayList<>();

    public long lastIndex() {
        return entries.size();
    }

    public long lastTerm() {
        return termAt(lastIndex());
    }

    /** Term of the entry at {@code index}; 0 for index 0. Callers check {@code index <= lastIndex()}. */
    public long termAt(long index) {
        return index == 0 ? 0 : entries.get((int) index - 1).term();
    }

    public Entry get(long index) {
        return entries.get((int) index - 1);
    }

    public void append(Entry e) {
        entries.add(e);
    }

    /** Removes the entries at {@code fromIndex} and after; used only on a real conflict. */
    public void truncateFrom(long fromIndex) {
        entries.subList((int) fromIndex - 1, entries.size()).clear();
    }

    /** Entries from {@code fromIndex} to {@code toIndex} inclusive, as an unmodifiable copy safe to send. */
    public List<Entry> slice(long fromIndex, long toIndex) {
        if (fromIndex > toIndex) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(entries.subList((int) fromIndex - 1, (int) toIndex)));
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
