package raftlab.raft;

import java.util.List;

/** A read-only view of a replicated log, indexed from 1; index 0 is the empty prefix with term 0. */
public interface RaftLogView {
    long lastIndex();

    /** Term of the last entry, 0 for an empty log. */
    default long lastTerm() {
        return termAt(lastIndex());
    }

    /** Term of the entry at {@code index}; 0 for index 0. Callers check {@code index <= lastIndex()}. */
    long termAt(long index);

    /** The entry at {@code index}, 1 <= index <= lastIndex(). */
    Entry get(long index);

    /** Entries from {@code fromIndex} to {@code toIndex} inclusive, as an unmodifiable copy. */
    List<Entry> slice(long fromIndex, long toIndex);
}
