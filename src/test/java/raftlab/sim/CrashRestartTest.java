package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import raftlab.raft.CommandKind;
import raftlab.raft.EventKind;
import raftlab.raft.RaftLogView;
import raftlab.raft.Role;

/** Crash loses the node's volatile state and every message to it; restart recovers from its disk and catches up. */
class CrashRestartTest {

    private static Cluster elected(long seed) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, seed));
        c.tick(400);
        assertNotEquals(0, c.leader(), "no leader after 400ms");
        return c;
    }

    private static int aFollower(Cluster c) {
        for (int i = 1; i <= c.size(); i++) {
            if (c.isUp(i) && i != c.leader()) {
                return i;
            }
        }
        throw new AssertionError("no follower");
    }

    private static String terms(RaftLogView log) {
        StringBuilder sb = new StringBuilder();
        for (long i = 1; i <= log.lastIndex(); i++) {
            sb.append(log.termAt(i)).append(':').append(log.get(i).command().describe()).append(' ');
        }
        return sb.toString();
    }

    @Test
    void messagesToACrashedNodeAreDroppedAndItsTimersNeverFire() {
        Cluster c = elected(11);
        int f = aFollower(c);
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.crash(f);
        assertNull(c.node(f));
        assertTrue(!c.isUp(f));
        c.tick(1000);
        long toIt = t.delivered.stream().filter(m -> m.message.to() == f).count();
        assertEquals(0, toIt, "nothing reaches a crashed node");
        assertTrue(t.dropped.stream().anyMatch(d -> d.endsWith("n" + f + " is down")), t.dropped.toString());
        assertTrue(t.sent.stream().noneMatch(m -> m.message.from() == f), "a crashed node sends nothing");
        assertTrue(t.events.stream().noneMatch(e -> e.node() == f), "and does nothing");
    }

    @Test
    void messagesInFlightToANodeWhenItCrashesAreLost() {
        Cluster c = elected(12);
        int f = aFollower(c);
        c.setHold(true);
        c.tick(60); // a heartbeat round is now on the wire
        InFlight toF = c.inFlight().stream().filter(m -> m.message.to() == f).findFirst().orElseThrow();
        c.crash(f);
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.deliver(toF);
        assertEquals(0, t.delivered.size());
        assertEquals(1, t.dropped.size());
    }

    @Test
    void crashDiscardsVolatileStateAndRestartKeepsTheDisk() {
        Cluster c = elected(13);
        int leader = c.leader();
        for (int i = 0; i < 5; i++) {
            c.submit(leader, CommandKind.PUT, "k" + i, "v" + i);
        }
        c.tick(200);
        int f = aFollower(c);
        long term = c.node(f).currentTerm();
        int voted = c.node(f).votedFor();
        String log = terms(c.node(f).log());
        assertEquals(6, c.node(f).lastApplied());
        c.crash(f);
        assertEquals(term, c.disk(f).currentTerm(), "the disk is readable while the node is down");
        c.setHold(true); // keep the leader's messages away for a moment after the restart
        c.restart(f);
        assertNotNull(c.node(f));
        assertEquals(Role.FOLLOWER, c.node(f).role());
        assertEquals(term, c.node(f).currentTerm());
        assertEquals(voted, c.node(f).votedFor());
        assertEquals(log, terms(c.node(f).log()));
        assertEquals(0, c.node(f).commitIndex());
        assertEquals(0, c.node(f).lastApplied());
        assertEquals(Map.of(), c.node(f).stateMachine().view());
        assertEquals(0, c.node(f).leaderId());
        assertTrue(c.electionDue(f) > c.now(), "a restarted node waits for a leader, timer armed");
    }

    @Test
    void restartedNodeCatchesUpAndRebuildsItsStore() {
        Cluster c = elected(14);
        int f = aFollower(c);
        c.crash(f);
        for (int i = 0; i < 30; i++) {
            c.submit(c.leader(), CommandKind.APPEND, "k", "" + (i % 10));
        }
        c.tick(300);
        int leader = c.leader();
        assertEquals(31, c.node(leader).commitIndex());
        c.restart(f);
        c.tick(300);
        assertEquals(terms(c.node(leader).log()), terms(c.node(f).log()));
        assertEquals(31, c.node(f).lastApplied());
        assertEquals(c.node(leader).stateMachine().view(), c.node(f).stateMachine().view());
        assertEquals("012345678901234567890123456789", c.node(f).stateMachine().view().get("k"));
    }

    @Test
    void crashedLeaderIsReplacedAndItsUnansweredRequestsAreReportedLost() {
        Cluster c = elected(15);
        int old = c.leader();
        long term = c.node(old).currentTerm();
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.setHold(true);
        c.submit(old, CommandKind.PUT, "x", "1");
        c.crash(old);
        assertEquals(1, t.lost.size());
        assertTrue(t.lost.get(0).contains("crashed"), t.lost.toString());
        assertTrue(c.outstanding().isEmpty());
        c.setHold(false);
        c.tick(1000);
        int now = c.leader();
        assertNotEquals(0, now);
        assertNotEquals(old, now);
        assertTrue(c.node(now).currentTerm() > term);
        c.restart(old);
        c.tick(200);
        assertEquals(Role.FOLLOWER, c.node(old).role());
        assertEquals(c.node(now).currentTerm(), c.node(old).currentTerm());
        assertEquals(terms(c.node(now).log()), terms(c.node(old).log()));
    }

    @Test
    void commandsOnADownNodeAreRefused() {
        Cluster c = elected(16);
        int f = aFollower(c);
        c.crash(f);
        assertThrows(IllegalStateException.class, () -> c.crash(f));
        assertThrows(IllegalStateException.class, () -> c.submit(f, CommandKind.GET, "x", null));
        assertThrows(IllegalStateException.class, () -> c.fireElectionTimeout(f));
        c.restart(f);
        assertThrows(IllegalStateException.class, () -> c.restart(f));
        assertThrows(IllegalArgumentException.class, () -> c.crash(6));
        assertThrows(IllegalArgumentException.class, () -> c.restart(0));
    }

    @Test
    void restartedNodeDoesNotReplyToClientsOfItsFormerLife() {
        Cluster c = elected(17);
        int leader = c.leader();
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.submit(leader, CommandKind.PUT, "x", "1");
        c.crash(leader);
        c.restart(leader);
        c.tick(1000);
        assertEquals(1, t.lost.size());
        assertTrue(t.replies.stream().noneMatch(r -> r.status() == raftlab.raft.ClientReply.Status.OK
                || r.status() == raftlab.raft.ClientReply.Status.FAILED), t.replies.toString());
        assertTrue(t.events.stream().anyMatch(e -> e.kind() == EventKind.APPLY));
    }
}
