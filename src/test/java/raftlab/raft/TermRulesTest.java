package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.heartbeat;
import static raftlab.raft.TestNode.rv;

import org.junit.jupiter.api.Test;

/** Figure 2, "all servers": a newer term in any message makes a node a follower of it first; old replies are noise. */
class TermRulesTest {

    @Test
    void higherTermInAnyMessageTurnsALeaderIntoAFollowerAndClearsItsVote() {
        Message[] messages = {
                heartbeat(2, 1, 9, 0, 0, 0),
                rv(2, 1, 9, 0, 0),
                new RequestVoteReply(2, 1, 9, false),
                AppendEntriesReply.mismatch(2, 1, 9, 1, 0, 1),
        };
        for (Message m : messages) {
            TestNode t = TestNode.of(1, 3).term(4).lead(5);
            assertEquals(1, t.node.votedFor());
            t.env.clear();
            t.node.receive(m);
            assertEquals(Role.FOLLOWER, t.node.role(), m.type());
            assertEquals(9, t.node.currentTerm(), m.type());
            if (!(m instanceof RequestVote)) {
                assertEquals(0, t.node.votedFor(), m.type() + " must clear votedFor");
            }
            assertEquals(1, t.env.heartbeatCancels, m.type() + ": a former leader stops its heartbeats");
            assertTrue(t.env.electionArmed, m.type() + ": a former leader needs an election timer again");
        }
    }

    @Test
    void higherTermClearsTheVoteBeforeTheRequestIsJudged() {
        // Voted for 3 in term 4; a RequestVote from 2 in term 5 is a new term: the old vote does not bind.
        TestNode t = TestNode.of(1, 3).term(4).voted(3);
        t.node.receive(rv(2, 1, 5, 0, 0));
        assertEquals(2, t.node.votedFor());
        assertTrue(t.env.only(RequestVoteReply.class).voteGranted());
    }

    @Test
    void candidateBecomesFollowerOnHigherTermReply() {
        TestNode t = TestNode.of(1, 5).term(2);
        t.node.electionTimeout();
        assertEquals(Role.CANDIDATE, t.node.role());
        t.node.receive(new RequestVoteReply(3, 1, 7, false));
        assertEquals(Role.FOLLOWER, t.node.role());
        assertEquals(7, t.node.currentTerm());
        assertEquals(0, t.node.votedFor());
        assertEquals(0, t.node.leaderId(), "a newer term says nothing about who leads it");
    }

    @Test
    void voteRepliesFromAnOlderTermAreIgnored() {
        TestNode t = TestNode.of(1, 3).term(4);
        t.node.electionTimeout(); // candidate of term 5, needs one more vote
        t.node.receive(new RequestVoteReply(2, 1, 4, true));
        t.node.receive(new RequestVoteReply(3, 1, 3, true));
        assertEquals(Role.CANDIDATE, t.node.role(), "grants from terms 4 and 3 are not votes for term 5");
        assertEquals(5, t.node.currentTerm());
        t.node.receive(new RequestVoteReply(2, 1, 5, true));
        assertEquals(Role.LEADER, t.node.role());
    }

    @Test
    void appendEntriesRepliesFromAnOlderTermAreIgnored() {
        TestNode t = TestNode.of(1, 3).term(4).lead(5);
        long nextBefore = t.node.nextIndex(2);
        t.env.clear();
        // A success from term 4 claiming index 1 matches must not count towards committing term 5's no-op.
        t.node.receive(AppendEntriesReply.ok(2, 1, 4, 1));
        t.node.receive(AppendEntriesReply.ok(3, 1, 4, 1));
        assertEquals(0, t.node.matchIndex(2));
        assertEquals(0, t.node.commitIndex());
        // A failure from term 4 must not move nextIndex nor cause a resend.
        t.node.receive(AppendEntriesReply.mismatch(2, 1, 4, 1, 0, 1));
        assertEquals(nextBefore, t.node.nextIndex(2));
        assertTrue(t.env.sent.isEmpty());
        assertEquals(Role.LEADER, t.node.role());
    }

    @Test
    void sameOrLowerTermMessagesLeaveTermAndVoteAlone() {
        TestNode t = TestNode.of(1, 3).term(6).voted(3);
        t.node.receive(rv(2, 1, 5, 9, 5));
        t.node.receive(new RequestVoteReply(2, 1, 6, false));
        assertEquals(6, t.node.currentTerm());
        assertEquals(3, t.node.votedFor());
        assertFalse(t.env.only(RequestVoteReply.class).voteGranted());
        assertEquals(6, t.env.only(RequestVoteReply.class).term(), "the reply carries our term so the sender learns");
    }
}
