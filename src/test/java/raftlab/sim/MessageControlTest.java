package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.RequestVote;
import raftlab.raft.Role;

/** Messages in the user's hands: hold, deliver, drop, duplicate, delay, stabilize. */
class MessageControlTest {

    /** A 3-node cluster, hold on, n1's election started by hand: its two RequestVotes are on the wire. */
    private static Cluster candidateWithVotesInFlight(TraceListener t) {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 5));
        c.addListener(t);
        c.setHold(true);
        c.fireElectionTimeout(1);
        assertEquals(2, c.inFlight().size());
        return c;
    }

    @Test
    void holdKeepsMessagesOnTheWireWhileTimersStillFire() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        c.tick(100);
        assertEquals(2, c.inFlight().size(), "due long ago, still held");
        assertTrue(t.delivered.isEmpty());
        c.tick(400);
        assertTrue(t.events.stream().anyMatch(e -> e.node() != 1 && e.role() == Role.CANDIDATE),
                "election timers fire while messages are held");
        assertTrue(c.hold());
        c.setHold(false);
        long before = c.now();
        c.tick(0);
        assertEquals(before, c.now());
        assertFalse(t.delivered.isEmpty(), "overdue messages go as soon as hold is off");
    }

    @Test
    void deliverHandsOverAtOnceWithoutMovingTheClock() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        InFlight toTwo = c.inFlight().get(0);
        assertTrue(toTwo.dueAt() > c.now());
        assertSame(toTwo, c.message(toTwo.id));
        c.deliver(toTwo);
        assertEquals(0, c.now());
        assertEquals(List.of(toTwo), t.delivered);
        assertNull(c.message(toTwo.id));
        assertEquals(1, c.node(2).votedFor());
        assertThrows(IllegalArgumentException.class, () -> c.deliver(toTwo), "no second delivery");
        // n2's reply is now on the wire; delivering it makes n1 leader of term 1.
        InFlight reply = c.inFlight().stream().filter(m -> m.message.to() == 1).findFirst().orElseThrow();
        c.deliver(reply);
        assertEquals(Role.LEADER, c.node(1).role());
    }

    @Test
    void dropRemovesAMessageForGood() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        InFlight m = c.inFlight().get(0);
        c.dropByUser(m);
        assertNull(c.message(m.id));
        assertEquals(1, c.inFlight().size());
        assertEquals(List.of("#" + m.id + " dropped by the user"), t.dropped);
        assertThrows(IllegalArgumentException.class, () -> c.dropByUser(m));
        c.setHold(false);
        c.tick(5);
        assertTrue(t.delivered.stream().noneMatch(d -> d.id == m.id));
        assertEquals(1, c.stats().dropped());
    }

    @Test
    void duplicateSendsASecondCopyWithItsOwnIdAndLatency() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        InFlight m = c.inFlight().get(0);
        InFlight copy = c.duplicate(m);
        assertNotEquals(m.id, copy.id);
        assertSame(m.message, copy.message);
        assertTrue(copy.dueAt() >= c.now() + 1 && copy.dueAt() <= c.now() + 5);
        assertEquals(3, c.inFlight().size());
        assertEquals(1, c.stats().duplicated());
        c.deliver(m);
        c.deliver(copy);
        assertEquals(2, t.delivered.size());
        // The voter granted the same vote twice: idempotent, and both replies say so.
        long grants = c.inFlight().stream().filter(x -> x.message.to() == 1).count();
        assertEquals(2, grants);
        assertEquals(1, c.node(2).votedFor());
    }

    @Test
    void delayMakesAMessageDueLater() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        InFlight m = c.inFlight().get(0);
        long due = m.dueAt();
        c.delay(m, 100);
        InFlight later = c.message(m.id);
        assertEquals(due + 100, later.dueAt(), "same id, due 100ms later");
        assertThrows(IllegalArgumentException.class, () -> c.deliver(m), "the old handle is spent");
        c.setHold(false);
        c.tick(due + 99);
        assertTrue(t.delivered.stream().noneMatch(d -> d.id == m.id));
        c.tick(1);
        assertTrue(t.delivered.stream().anyMatch(d -> d.id == m.id));
    }

    @Test
    void delayOfAnOverdueMessageCountsFromNow() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        c.tick(50);
        InFlight m = c.inFlight().get(0);
        c.delay(m, 10);
        assertEquals(60, c.message(m.id).dueAt());
    }

    @Test
    void stabilizeDeliversEverythingAndWhatItCausesWithoutMovingTheClock() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        int n = c.stabilize(1000);
        assertEquals(0, c.now());
        assertFalse(c.anyInFlight());
        // 2 RequestVotes, 2 replies, then the new leader's 2 AppendEntries and their 2 replies.
        assertEquals(8, n);
        assertEquals(Role.LEADER, c.node(1).role());
        assertEquals(1, c.node(3).log().lastIndex(), "the no-op arrived");
        assertEquals(1, c.node(1).commitIndex());
    }

    @Test
    void stabilizeStopsAtItsLimit() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        assertThrows(IllegalStateException.class, () -> c.stabilize(3));
        assertEquals(3, t.delivered.size());
        assertTrue(c.anyInFlight(), "the undelivered message is kept");
        c.stabilize(100);
        assertFalse(c.anyInFlight());
    }

    @Test
    void stepProcessesOneEventAndStepUntilRespectsTheDeadline() {
        TraceListener t = new TraceListener();
        Cluster c = candidateWithVotesInFlight(t);
        c.setHold(false);
        long first = c.inFlight().stream().mapToLong(InFlight::dueAt).min().orElseThrow();
        assertFalse(c.stepUntil(first - 1));
        assertEquals(0, c.now());
        assertTrue(c.step());
        assertEquals(first, c.now());
        assertEquals(1, t.delivered.size());
        assertTrue(t.delivered.get(0).message instanceof RequestVote);
    }

    @Test
    void sameMillisecondEventsGoInTheOrderTheyWereScheduled() {
        ClusterConfig cfg = new ClusterConfig(3, 9, raftlab.raft.Settings.DEFAULT, 2, 2);
        Cluster c = new Cluster(cfg);
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.fireElectionTimeout(1);
        c.tick(2);
        assertEquals(List.of(2, 3), t.delivered.stream().map(m -> m.message.to()).toList());
    }
}
