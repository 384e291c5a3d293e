package raftlab.raft;

import java.util.AbstractList;
import java.util.Objects;

/**
 * A read-only run of log entries over an array of its own: what {@link RaftLog#slice} hands out. The array is filled
 * once, from the log, and never changes; {@link DiskWrite} takes such a list as it is instead of copying it again
 * (a leader slices the log for every AppendEntries it sends and for every disk write).
 *
 * <p>Every list of entries a message or a disk write carries is one of these, empty and single ones too
 * ({@link #of}). With {@code List.of()} for heartbeats and {@code List.of(e)} for one entry beside it, the loops
 * that walk entries (a follower's append, the disk's write) saw three list classes and called {@code size()} and
 * {@code get()} through the interface table on every entry; with one class the JIT inlines them.
 */
final class EntryList extends AbstractList<Entry> {
    static final EntryList EMPTY = new EntryList(new Entry[0]);

    private final Entry[] entries;

    /** {@code list} itself if it is one of these, else a read-only copy (nulls refused, as List.copyOf does). */
    static EntryList of(java.util.List<Entry> list) {
        if (list instanceof EntryList e) {
            return e;
        }
        return list.isEmpty() ? EMPTY : new EntryList(list.toArray(new Entry[0]));
    }

    /** A list of the one entry {@code e}. */
    static EntryList of(Entry e) {
        return new EntryList(new Entry[] {e});
    }

    /** Takes {@code entries}, which no one else holds, as the list's own; refuses nulls as List.copyOf does. */
    EntryList(Entry[] entries) {
        for (Entry e : entries) {
            Objects.requireNonNull(e);
        }
        this.entries = entries;
    }

    @Override
    public Entry get(int index) {
        return entries[Objects.checkIndex(index, entries.length)];
    }

    @Override
    public int size() {
        return entries.length;
    }
}
