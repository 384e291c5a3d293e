package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The batch as the lab reads it: counted getters and list views agree, commit and apply events held as numbers read
 * as the very events NodeEvent makes, a copy outlives the batch being filled again, and a cleared batch is empty.
 */
class EffectsTest {
    private static final Message M1 = new RequestVoteReply(1, 2, 3, true);
    private static final Message M2 = new RequestVoteReply(1, 3, 3, false);

    @Test
    void heldCommitAndApplyEventsReadAsTheEventsNodeEventMakesInTheirPlace() {
        Effects fx = new Effects();
        NodeEvent role = NodeEvent.role(1, Role.LEADER, 4, 2, null);
        fx.event(role);
        fx.commitEvent(1, Role.LEADER, 4, 17);
        fx.applyEvent(1, Role.LEADER, 4, 15, 17);
        fx.event(null); // a learner's malformed event stays what it was, for the guard to report
        assertEquals(4, fx.eventCount());
        assertSame(role, fx.event(0));
        assertEquals(NodeEvent.commit(1, Role.LEADER, 4, 17), fx.event(1));
        assertEquals(NodeEvent.apply(1, Role.LEADER, 4, 15, 17), fx.event(2));
        assertSame(fx.event(1), fx.event(1), "made once, then kept: every listener gets the same event");
        assertNull(fx.event(3));
        assertEquals(java.util.Arrays.asList(role, NodeEvent.commit(1, Role.LEADER, 4, 17),
                NodeEvent.apply(1, Role.LEADER, 4, 15, 17), null), fx.events());
    }

    @Test
    void theListViewsMakeHeldEventsToo() {
        Effects fx = new Effects();
        fx.applyEvent(3, Role.FOLLOWER, 2, 1, 1);
        assertEquals(List.of(NodeEvent.apply(3, Role.FOLLOWER, 2, 1, 1)), fx.events());
    }

    @Test
    void aCopyKeepsTheContentsWhenTheBatchIsFilledAgain() {
        Effects fx = new Effects();
        DiskWrite w = new DiskWrite(3, 2, 0, List.of());
        fx.persist(w).send(M1).send(M2).reply(ClientReply.accepted(9, 5, 1))
                .timer(TimerRequest.cancel(TimerKind.HEARTBEAT));
        fx.commitEvent(1, Role.LEADER, 3, 5);
        Effects kept = fx.copy();
        fx.clear();
        fx.send(M2);
        assertSame(w, kept.persist());
        assertEquals(List.of(M1, M2), kept.messages());
        assertEquals(List.of(ClientReply.accepted(9, 5, 1)), kept.replies());
        assertEquals(List.of(TimerRequest.cancel(TimerKind.HEARTBEAT)), kept.timers());
        assertEquals(List.of(NodeEvent.commit(1, Role.LEADER, 3, 5)), kept.events());
        assertEquals(List.of(M2), fx.messages());
    }

    @Test
    void aClearedBatchIsEmptyAndItsGettersAreBounded() {
        Effects fx = new Effects();
        fx.persist(new DiskWrite(1, 0, 0, List.of())).send(M1).reply(ClientReply.accepted(1, 1, 1))
                .timer(TimerRequest.arm(TimerKind.ELECTION, 150));
        fx.applyEvent(1, Role.LEADER, 1, 1, 1);
        assertTrue(fx.hasOutput());
        fx.clear();
        assertNull(fx.persist());
        assertFalse(fx.hasOutput());
        assertEquals(0, fx.messageCount() + fx.eventCount() + fx.replyCount() + fx.timerCount());
        assertEquals(List.of(), fx.events());
        assertThrows(IndexOutOfBoundsException.class, () -> fx.message(0));
        assertThrows(IndexOutOfBoundsException.class, () -> fx.event(0));
        fx.event(NodeEvent.role(1, Role.CANDIDATE, 2, 0, "election timeout"));
        assertEquals(NodeEvent.role(1, Role.CANDIDATE, 2, 0, "election timeout"), fx.event(0),
                "a slot that held a commit event holds a real one now");
    }

    @Test
    void theViewsAreReadOnly() {
        Effects fx = new Effects().send(M1);
        assertThrows(UnsupportedOperationException.class, () -> fx.messages().add(M2));
    }

    @Test
    void theReferenceNodeFillsOneBatchStepAfterStep() {
        TestNode t = TestNode.of(1, 3);
        Effects first = t.node.raw().timeout(TimerKind.ELECTION);
        assertEquals(2, first.messageCount(), "RequestVote to both peers");
        Effects second = t.node.raw().receive(new RequestVoteReply(2, 1, first.message(0).term(), true));
        assertSame(first, second, "the batch is valid only until the next step: the node may fill it again");
    }
}
