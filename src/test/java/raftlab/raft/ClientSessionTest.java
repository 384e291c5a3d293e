package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The state machine's client sessions (exactly-once), compare-and-set, and sessions in snapshots. */
class ClientSessionTest {

    private static Command append(String key, String value, int client, long seq, long rid) {
        return new Command(CommandKind.APPEND, key, value, rid).inSession(client, seq);
    }

    @Test
    void aRetryOfTheLastOperationIsAnsweredNotAppliedAgain() {
        KvStore kv = new KvStore();
        kv.apply(append("k", "x", 1, 1, 10));
        kv.apply(append("k", "x", 1, 1, 11)); // the same operation, another attempt (another request id)
        assertEquals(Map.of("k", "x"), kv.view());
        Command get = new Command(CommandKind.GET, "k", null, 12).inSession(1, 2);
        assertEquals("x", kv.apply(get));
        kv.apply(new Command(CommandKind.APPEND, "k", "y", 13)); // someone without a session changes k meanwhile
        assertEquals("x", kv.apply(get.withRequestId(14)), "a retried get gets the value it read the first time");
        assertEquals(Map.of("k", "xy"), kv.view());
    }

    @Test
    void anOlderSequenceNumberIsStaleAndChangesNothing() {
        KvStore kv = new KvStore();
        kv.apply(append("k", "a", 1, 1, 1));
        kv.apply(append("k", "b", 1, 2, 2));
        assertNull(kv.apply(append("k", "a", 1, 1, 3)), "a delayed copy of seq 1 after seq 2");
        assertEquals(Map.of("k", "ab"), kv.view());
        kv.apply(append("k", "c", 2, 1, 4)); // another client's seq 1 is its own
        assertEquals(Map.of("k", "abc"), kv.view());
    }

    @Test
    void withoutASessionEveryCopyIsApplied() {
        KvStore kv = new KvStore();
        kv.apply(new Command(CommandKind.APPEND, "k", "x", 1));
        kv.apply(new Command(CommandKind.APPEND, "k", "x", 1));
        assertEquals(Map.of("k", "xx"), kv.view());
        assertEquals(Map.of(), kv.sessions());
    }

    @Test
    void theNoDedupBugAppliesEveryRetry() {
        Set<Bug> bugs = EnumSet.noneOf(Bug.class);
        KvStore kv = new KvStore(bugs);
        kv.apply(append("k", "x", 1, 1, 1));
        bugs.add(Bug.NO_DEDUP); // a live view: switching the bug on takes effect at the next apply
        kv.apply(append("k", "x", 1, 1, 2));
        assertEquals(Map.of("k", "xx"), kv.view());
    }

    @Test
    void casSetsOnlyWhenTheExpectedValueIsThereAndReturnsWhatItFound() {
        KvStore kv = new KvStore();
        assertNull(kv.apply(Command.cas("k", "1", "2", 1)), "an absent key matches no expected value");
        assertEquals(Map.of(), kv.view());
        kv.apply(new Command(CommandKind.PUT, "k", "1", 2));
        assertEquals("1", kv.apply(Command.cas("k", "1", "2", 3)));
        assertEquals(Map.of("k", "2"), kv.view());
        assertEquals("2", kv.apply(Command.cas("k", "1", "3", 4)), "found 2, expected 1: unchanged");
        assertEquals(Map.of("k", "2"), kv.view());
        assertEquals("cas k 1->3", Command.cas("k", "1", "3", 4).describe());
        assertThrows(IllegalArgumentException.class, () -> new Command(CommandKind.CAS, "k", "1", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Command(CommandKind.PUT, "k", "1", 1, 0, 0, "0"));
    }

    @Test
    void sessionsTravelInSnapshotBytesAndRestore() {
        KvStore kv = new KvStore();
        kv.apply(append("k", "x", 3, 7, 1));
        kv.apply(new Command(CommandKind.GET, "k", null, 2).inSession(4, 1));
        Snapshot s = new Snapshot(9, 2, kv.snapshot(), List.of(1, 2, 3), kv.sessions());
        Snapshot back = SnapshotCodec.decode(9, 2, SnapshotCodec.encode(s));
        assertEquals(s, back);
        assertEquals(new ClientSession(7, null), back.sessions().get(3));
        assertEquals(new ClientSession(1, "x"), back.sessions().get(4));
        KvStore restored = new KvStore();
        restored.restore(back.image(), back.sessions());
        restored.apply(append("k", "x", 3, 7, 5)); // a retry arriving after the snapshot was installed
        assertEquals(Map.of("k", "x"), restored.view());
    }

    @Test
    void aSnapshotWithoutSessionsKeepsItsOldBytes() {
        Snapshot s = new Snapshot(4, 1, new TreeMap<>(Map.of("a", "1")), List.of(1, 2, 3));
        byte[] bytes = SnapshotCodec.encode(s);
        assertEquals(4 + 3 * 4 + 4 + 8 + 2 + 2, bytes.length, "voters, then one key and one value");
        assertArrayEquals(bytes, SnapshotCodec.encode(SnapshotCodec.decode(4, 1, bytes)));
    }
}
