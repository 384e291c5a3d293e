package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.MessageType;

/** The counters by type and by node: only rows counted are listed, ids past the first rows grow the table. */
class StatsTest {
    @Test
    void countsByTypeAndByNode() {
        Stats s = new Stats();
        s.count(MessageType.APPEND_ENTRIES, Stats.SENT, 1);
        s.count(MessageType.APPEND_ENTRIES, Stats.DELIVERED, 2);
        s.count(MessageType.APPEND_ENTRIES, Stats.DELIVERED, 3);
        s.count(MessageType.REQUEST_VOTE, Stats.DROPPED, 12); // an id past the first rows
        s.count(MessageType.CLIENT_REQUEST, Stats.DUPLICATED, -4); // a client: by type only
        assertEquals(1, s.sent());
        assertEquals(2, s.delivered());
        assertEquals(1, s.dropped());
        assertEquals(1, s.duplicated());
        assertEquals(List.of("AppendEntries", "ClientRequest", "RequestVote"), List.copyOf(s.byType().keySet()));
        assertArrayEquals(new long[] {1, 2, 0, 0}, s.byType().get("AppendEntries"));
        assertArrayEquals(new long[] {0, 0, 0, 1}, s.byType().get("ClientRequest"));
        assertEquals(List.of(1, 2, 3, 12), List.copyOf(s.byNode().keySet()));
        assertArrayEquals(new long[] {1, 0, 0, 0}, s.byNode().get(1));
        assertArrayEquals(new long[] {0, 0, 1, 0}, s.byNode().get(12));
        s.byNode().get(1)[0] = 99; // a copy: the counters stay
        assertArrayEquals(new long[] {1, 0, 0, 0}, s.byNode().get(1));
    }
}
