package raftlab.raft;

import java.util.List;

/**
 * A read-only view of a replicated log, indexed from 1; index 0 is the empty prefix with term 0. A log may start
 * after a snapshot: then {@link #get} and {@link #slice} hold only indexes above {@link #snapshotIndex()}, and
 * {@link #termAt} also answers for the snapshot's last index. Readers must not ask for compacted indexes.
 */
public interface RaftLogView {
    long lastIndex();

    /** Term of the last entry, 0 for an empty log. */
    default long lastTerm() {
        return termAt(lastIndex());
    }

    /** The last index a snapshot replaced (0 if none): the entries up to it are no longer held. */
    default long snapshotIndex() {
        return 0;
    }

    /** The term of the entry at {@link #snapshotIndex()} (0 if none). */
    default long snapshotTerm() {
        return 0;
    }

    /** The first index still held as an entry. */
    default long firstIndex() {
        return snapshotIndex() + 1;
    }

    /** Term of the entry at {@code index}; 0 for index 0. Callers check {@code snapshotIndex() <= index <= lastIndex()}. */
    long termAt(long index);

    /** The entry at {@code index}, snapshotIndex() < index <= lastIndex(). */
    Entry get(long index);

    /** Entries from {@code fromIndex} to {@code toIndex} inclusive, as an unmodifiable copy. */
    List<Entry> slice(long fromIndex, long toIndex);
}
