package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Slices are read-only lists of the entries; a one-entry slice of the same entry object is handed out again. */
class RaftLogSliceTest {
    private static Entry entry(long term, String value) {
        return new Entry(term, new Command(CommandKind.PUT, "k", value, 0));
    }

    @Test
    void slicesHoldTheEntriesAndAOneEntrySliceIsSharedWhileItsEntryStays() {
        RaftLog log = new RaftLog();
        Entry a = entry(1, "a");
        Entry b = entry(1, "b");
        log.append(a);
        log.append(b);
        assertEquals(List.of(a, b), log.slice(1, 2));
        assertEquals(List.of(), log.slice(3, 2));
        List<Entry> first = log.slice(2, 2);
        assertEquals(List.of(b), first);
        assertSame(first, log.slice(2, 2), "the leader's disk and each follower get one list");
        assertThrows(UnsupportedOperationException.class, () -> first.add(a));

        log.truncateFrom(2); // a conflict: index 2 now holds another entry
        Entry c = entry(2, "c");
        log.append(c);
        List<Entry> again = log.slice(2, 2);
        assertNotSame(first, again);
        assertEquals(List.of(c), again);
        assertEquals(List.of(b), first, "a list handed out never changes");
        assertEquals(List.of(a), log.slice(1, 1));
    }
}
