package raftlab.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.CommandKind;
import raftlab.raft.Entry;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/** The recorder keeps every message and state change, and its bounded record still rebuilds the cluster's state. */
class RecorderTest {

    /** A run with elections, client requests, a partition, a crash and a restart: every kind of change. */
    static Cluster eventfulRun(Recorder[] out, int limit) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 4));
        out[0] = new Recorder(c, limit);
        c.addListener(out[0]);
        c.tick(400);
        for (int i = 0; i < 5; i++) {
            c.submit(c.leader(), CommandKind.PUT, "k" + i, "v" + i);
            c.tick(20);
        }
        int old = c.leader();
        int[] group = new int[6];
        for (int id = 1; id <= 5; id++) {
            group[id] = id == old ? 1 : 2;
        }
        c.network().partition(group);
        c.submit(old, CommandKind.PUT, "lost", "1"); // appended by the old leader, never committed
        c.tick(600);
        c.network().heal();
        c.tick(300); // the old leader steps down and its uncommitted entry is truncated
        int victim = old == 1 ? 2 : 1;
        c.crash(victim);
        c.tick(200);
        c.restart(victim);
        c.tick(400);
        return c;
    }

    private static void assertSameState(Cluster c, NodeState[] end) {
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.node(id);
            NodeState s = end[id];
            assertEquals(c.isUp(id), s.up(), "n" + id + " up");
            assertEquals(n.role(), s.role(), "n" + id + " role");
            assertEquals(n.currentTerm(), s.term(), "n" + id + " term");
            assertEquals(n.commitIndex(), s.commit(), "n" + id + " commit");
            assertEquals(n.lastApplied(), s.applied(), "n" + id + " applied");
            List<Entry> log = n.log().slice(1, n.log().lastIndex());
            assertEquals(log, new ArrayList<>(s.log()), "n" + id + " log");
        }
    }

    @Test
    void theRecordRebuildsEveryNodesStateAtTheEnd() {
        Recorder[] r = new Recorder[1];
        Cluster c = eventfulRun(r, Recorder.DEFAULT_LIMIT);
        RunRecord all = r[0].all();
        assertNull(all.cutNote(), "nothing was cut");
        assertSameState(c, all.end());
        boolean truncated = all.happenings().stream().anyMatch(h -> h.kind() == HappeningKind.TRUNCATE);
        assertTrue(truncated, "the scenario truncates the old leader's log");
        assertTrue(all.happenings().stream().anyMatch(h -> h.kind() == HappeningKind.CRASH));
        assertTrue(all.happenings().stream().anyMatch(h -> h.kind() == HappeningKind.RESTART));
    }

    @Test
    void messagesAreDeliveredOrDroppedWithAReasonAndInOrder() {
        Recorder[] r = new Recorder[1];
        Cluster c = eventfulRun(r, Recorder.DEFAULT_LIMIT);
        RunRecord all = r[0].all();
        int delivered = 0;
        int dropped = 0;
        for (MessageRecord m : all.messages()) {
            switch (m.fate()) {
                case DELIVERED -> {
                    delivered++;
                    assertTrue(m.endAt() >= m.sentAt(), "#" + m.id() + " arrives after it is sent");
                    assertTrue(m.endSeq() > m.sentSeq());
                    assertNull(m.why());
                }
                case DROPPED -> {
                    dropped++;
                    assertNotNull(m.why(), "#" + m.id() + " says why it was dropped");
                }
                case IN_FLIGHT -> assertTrue(c.message(m.id()) != null, "#" + m.id() + " is really in flight");
            }
        }
        assertTrue(delivered > 100, "delivered " + delivered);
        assertTrue(dropped > 10, "the partition and the crash drop messages: " + dropped);
        assertTrue(all.messages().stream().anyMatch(m -> m.why() != null && m.why().contains("is cut")));
    }

    @Test
    void aBoundedRecordCountsWhatItCutAndStillRebuildsTheState() {
        Recorder[] r = new Recorder[1];
        Cluster c = eventfulRun(r, 40);
        RunRecord all = r[0].all();
        assertEquals(40, all.messages().size());
        assertTrue(all.cutMessages() > 100, "cut " + all.cutMessages());
        assertTrue(all.changes().size() <= 40);
        assertNotNull(all.cutNote());
        assertTrue(all.cutNote().startsWith("the record keeps the last 40 of each kind"), all.cutNote());
        assertSameState(c, all.end());
    }

    @Test
    void aWindowStartsFromTheStateAtItsStart() {
        Recorder[] r = new Recorder[1];
        eventfulRun(r, Recorder.DEFAULT_LIMIT);
        RunRecord all = r[0].all();
        RunRecord late = r[0].window(1000, r[0].lastTime());
        // Replaying the whole record up to 999 ms gives the late window's starting state.
        NodeState[] upTo = r[0].window(0, 999).end();
        for (int id = 1; id <= 5; id++) {
            assertEquals(upTo[id].term(), late.start()[id].term());
            assertEquals(upTo[id].log(), late.start()[id].log());
        }
        assertTrue(late.messages().size() < all.messages().size());
        for (MessageRecord m : late.messages()) {
            assertTrue(m.fate() == MessageFate.IN_FLIGHT || m.endAt() >= 1000);
        }
    }

    @Test
    void aDuplicateNamesItsOriginal() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 2));
        Recorder r = new Recorder(c);
        c.addListener(r);
        c.network().setDupe(1.0);
        c.tick(400);
        List<MessageRecord> copies = r.all().messages().stream().filter(m -> m.copyOf() != 0).toList();
        assertFalse(copies.isEmpty());
        for (MessageRecord copy : copies) {
            MessageRecord original = r.all().messages().stream().filter(m -> m.id() == copy.copyOf()).findFirst()
                    .orElseThrow();
            assertEquals(original.message(), copy.message());
            assertEquals(0, original.copyOf());
        }
    }
}
