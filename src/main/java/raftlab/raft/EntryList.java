package raftlab.raft;

import java.util.AbstractList;
import java.util.Objects;

/**
 * A read-only run of log entries over an array of its own: what {@link RaftLog#slice} hands out. The array is filled
 * once, from the log, and never changes; {@link DiskWrite} takes such a list as it is instead of copying it again
 * (a leader slices the log for every AppendEntries it sends and for every disk write).
 */
final class EntryList extends AbstractList<Entry> {
    private final Entry[] entries;

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
