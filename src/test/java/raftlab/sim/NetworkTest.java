package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.ClientReply;
import raftlab.raft.CommandKind;
import raftlab.raft.Role;
import raftlab.raft.Settings;

/** Latency range, loss, one-way cuts, partitions and healing. */
class NetworkTest {

    @Test
    void latencyStaysWithinTheConfiguredRangeAndCoversIt() {
        Cluster c = new Cluster(new ClusterConfig(5, 3, Settings.DEFAULT, 3, 7));
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.tick(3000);
        assertTrue(t.sent.size() > 200, "sent " + t.sent.size());
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (InFlight m : t.sent) {
            long d = m.dueAt() - m.sentAt;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertEquals(3, min);
        assertEquals(7, max);
        for (InFlight m : t.delivered) {
            assertTrue(m.dueAt() <= 3000);
        }
    }

    @Test
    void latencyChangedAtRunTimeAppliesToNewMessages() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 3));
        c.tick(500);
        c.network().setLatency(20, 20);
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.tick(500);
        assertFalse(t.sent.isEmpty());
        assertTrue(t.sent.stream().allMatch(m -> m.dueAt() - m.sentAt == 20));
    }

    @Test
    void totalLossDropsEverythingAtSend() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 3));
        c.network().setLoss(0, 0, 1.0);
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.tick(2000);
        assertTrue(t.delivered.isEmpty());
        assertEquals(t.sent.size(), t.dropped.size());
        assertEquals(0, c.leader(), "nobody can win an election without messages");
        assertTrue(c.node(1).currentTerm() >= 3, "but they keep trying");
    }

    @Test
    void oneWayCutDropsOnlyThatDirection() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 3));
        c.tick(500);
        int leader = c.leader();
        int f = leader == 1 ? 2 : 1;
        c.network().setCut(leader, f, true);
        assertTrue(c.network().isCut(leader, f));
        assertFalse(c.network().isCut(f, leader));
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.tick(100);
        assertTrue(t.delivered.stream().noneMatch(m -> m.message.from() == leader && m.message.to() == f));
        assertTrue(t.dropped.stream().anyMatch(d -> d.endsWith("link " + leader + "->" + f + " is cut")));
        assertTrue(t.delivered.stream().anyMatch(m -> m.message.from() == f && m.message.to() == leader)
                || t.sent.stream().noneMatch(m -> m.message.from() == f), "the other direction still works");
    }

    @Test
    void minorityLeaderCannotCommitAndMajorityElectsANewOneThenHealConverges() {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 21));
        c.tick(500);
        int old = c.leader();
        assertNotEquals(0, old);
        int buddy = old == 1 ? 2 : 1;
        int[] group = new int[6];
        for (int i = 1; i <= 5; i++) {
            group[i] = (i == old || i == buddy) ? 1 : 2;
        }
        c.network().partition(group);
        assertTrue(c.network().anyCut());
        TraceListener t = new TraceListener();
        c.addListener(t);
        long stuck = c.submit(old, CommandKind.PUT, "x", "minority");
        c.tick(1000);
        assertEquals(Role.LEADER, c.node(old).role(), "it does not know it is deposed");
        assertEquals(1, c.node(old).commitIndex(), "but it cannot commit with 2 of 5");
        List<Integer> leaders = c.leaders();
        assertEquals(2, leaders.size());
        int fresh = c.leader();
        assertNotEquals(old, fresh);
        assertTrue(c.node(fresh).currentTerm() > c.node(old).currentTerm());
        c.submit(fresh, CommandKind.PUT, "x", "majority");
        c.tick(100);
        assertEquals("majority", c.node(fresh).stateMachine().view().get("x"));

        c.network().heal();
        assertFalse(c.network().anyCut());
        c.tick(500);
        assertEquals(List.of(fresh), c.leaders());
        for (int i = 1; i <= 5; i++) {
            assertEquals(c.node(fresh).log().lastIndex(), c.node(i).log().lastIndex(), "n" + i);
            assertEquals(c.node(fresh).stateMachine().view(), c.node(i).stateMachine().view(), "n" + i);
        }
        ClientReply failed = t.replies.stream().filter(r -> r.requestId() == stuck
                && r.status() != ClientReply.Status.ACCEPTED).findFirst().orElseThrow();
        assertEquals(ClientReply.Status.FAILED, failed.status(), "the minority's write was overwritten");
    }

    @Test
    void cutsTakeEffectAtDeliveryTime() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 3));
        c.setHold(true);
        c.fireElectionTimeout(1);
        InFlight m = c.inFlight().get(0);
        c.network().setCut(1, m.message.to(), true);
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.deliver(m);
        assertTrue(t.delivered.isEmpty());
        assertEquals(1, t.dropped.size());
    }
}
