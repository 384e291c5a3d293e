package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.ae;
import static raftlab.raft.TestNode.entries;
import static raftlab.raft.TestNode.heartbeat;
import static raftlab.raft.TestNode.rv;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The election timer is reset only by a valid AppendEntries from the current leader, by granting a vote, or by
 * starting an election; its length is drawn uniformly from [min, max].
 */
class ElectionTimerTest {

    @Test
    void timeoutIsDrawnFromTheWholeInclusiveRange() {
        Settings s = new Settings(150, 300, 50, true, 64);
        TestNode low = TestNode.of(1, 3, s);
        low.env.willDraw(0);
        low.node.start();
        assertEquals(List.of(151), low.env.randomBounds, "151 possible values: 150..300");
        assertEquals(List.of(150L), low.env.electionArms);

        TestNode high = TestNode.of(1, 3, s);
        high.env.willDraw(150);
        high.node.start();
        assertEquals(List.of(300L), high.env.electionArms);
    }

    @Test
    void fixedTimeoutWhenMinEqualsMax() {
        TestNode t = TestNode.of(1, 3, new Settings(200, 200, 50, true, 64));
        t.node.start();
        assertEquals(List.of(1), t.env.randomBounds);
        assertEquals(List.of(200L), t.env.electionArms);
    }

    @Test
    void appendEntriesFromTheCurrentLeaderResetsEvenWhenItsLogCheckFails() {
        TestNode t = TestNode.of(1, 3).term(2);
        t.node.start();
        t.env.clear();
        t.node.receive(heartbeat(2, 1, 2, 0, 0, 0));
        assertEquals(1, t.env.electionArms.size());
        t.env.clear();
        t.node.receive(heartbeat(2, 1, 2, 5, 2, 0)); // we lack index 5: rejected, but the leader is alive
        assertFalse(t.env.only(AppendEntriesReply.class).success());
        assertEquals(1, t.env.electionArms.size());
    }

    @Test
    void staleTermAppendEntriesDoesNotReset() {
        TestNode t = TestNode.of(1, 3).term(5);
        t.node.start();
        t.env.clear();
        t.node.receive(ae(2, 1, 4, 0, 0, entries(1, 4), 1));
        assertTrue(t.env.electionArms.isEmpty(), "a deposed leader must not keep us from electing a new one");
        assertFalse(t.env.only(AppendEntriesReply.class).success());
        assertEquals(5, t.env.only(AppendEntriesReply.class).term());
        assertEquals(0, t.node.log().lastIndex());
        assertEquals(0, t.node.leaderId());
    }

    @Test
    void repliesAndRefusedVotesDoNotResetAFollower() {
        TestNode t = TestNode.of(1, 3).term(5).log(5);
        t.node.start();
        t.env.clear();
        t.node.receive(new RequestVoteReply(2, 1, 5, true));
        t.node.receive(AppendEntriesReply.ok(2, 1, 5, 1));
        t.node.receive(rv(3, 1, 5, 0, 0));
        t.node.receive(rv(3, 1, 6, 0, 0)); // newer term, stale log: term adopted, vote refused
        assertEquals(6, t.node.currentTerm());
        assertTrue(t.env.electionArms.isEmpty());
    }

    @Test
    void startingAnElectionResetsAndALeaderHasNoElectionTimer() {
        TestNode t = TestNode.of(1, 3).term(1);
        t.node.start();
        t.env.clear();
        t.node.electionTimeout();
        assertEquals(1, t.env.electionArms.size(), "a candidate arms a fresh timeout for a split vote");
        assertTrue(t.env.electionArmed);
        t.node.receive(new RequestVoteReply(2, 1, 2, true));
        assertEquals(Role.LEADER, t.node.role());
        assertFalse(t.env.electionArmed, "a leader does not time out");
        assertTrue(t.env.heartbeatArmed);
        assertEquals(List.of(50L), t.env.heartbeatArms);

        t.env.clear();
        t.node.electionTimeout(); // a stray firing must not start an election against ourselves
        assertEquals(Role.LEADER, t.node.role());
        assertEquals(2, t.node.currentTerm());
        assertTrue(t.env.sent.isEmpty());
    }

    @Test
    void heartbeatTimerRearmsOnlyForALeader() {
        TestNode t = TestNode.of(1, 3).term(1);
        t.node.heartbeatTimeout();
        assertTrue(t.env.sent.isEmpty());
        assertTrue(t.env.heartbeatArms.isEmpty());
        t.lead(2);
        t.env.clear();
        t.node.heartbeatTimeout();
        assertEquals(2, t.env.sentOf(AppendEntries.class).size());
        assertEquals(List.of(50L), t.env.heartbeatArms);
    }

    @Test
    void candidateSteppingDownOnANewerTermDoesNotRestartItsTimeout() {
        // Only AppendEntries from the leader, a granted vote or a new election reset the timer. A candidate
        // that learns of a newer term from a vote refusal keeps the timeout it already has.
        TestNode t = TestNode.of(1, 3).term(1).log(1);
        t.node.electionTimeout();
        t.env.clear();
        t.node.receive(new RequestVoteReply(2, 1, 4, false));
        assertEquals(Role.FOLLOWER, t.node.role());
        assertTrue(t.env.electionArms.isEmpty());
        assertTrue(t.env.electionArmed);
    }

    @Test
    void leaderSteppingDownArmsAnElectionTimerAgain() {
        TestNode t = TestNode.of(1, 3).term(1).lead(2);
        t.env.clear();
        t.node.receive(AppendEntriesReply.staleTerm(2, 1, 3));
        assertEquals(Role.FOLLOWER, t.node.role());
        assertEquals(1, t.env.electionArms.size(), "else a deposed leader that hears from no one never runs again");
        assertEquals(1, t.env.heartbeatCancels);
    }
}
