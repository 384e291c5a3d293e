package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.rv;

import org.junit.jupiter.api.Test;

/** Figure 2, RequestVote receiver: term check, one vote per term, the up-to-date check, and the timer. */
class RequestVoteTest {

    private static RequestVoteReply ask(TestNode t, RequestVote req) {
        t.env.clear();
        t.node.receive(req);
        return t.env.only(RequestVoteReply.class);
    }

    @Test
    void refusesACandidateOfAnOlderTerm() {
        TestNode t = TestNode.of(1, 3).term(5);
        RequestVoteReply r = ask(t, rv(2, 1, 4, 10, 4));
        assertFalse(r.voteGranted());
        assertEquals(5, r.term());
        assertEquals(0, t.node.votedFor());
    }

    @Test
    void grantsOneVotePerTermAndRepeatsItForTheSameCandidate() {
        TestNode t = TestNode.of(1, 3).term(2);
        assertTrue(ask(t, rv(2, 1, 3, 0, 0)).voteGranted());
        assertEquals(2, t.node.votedFor());
        assertEquals(1, t.env.eventsOf(EventKind.VOTE).size());

        assertFalse(ask(t, rv(3, 1, 3, 0, 0)).voteGranted(), "a second candidate in the same term is refused");
        assertEquals(2, t.node.votedFor());

        RequestVoteReply again = ask(t, rv(2, 1, 3, 0, 0));
        assertTrue(again.voteGranted(), "a retransmitted request from the same candidate is granted again");
        assertEquals(2, t.node.votedFor());
        assertTrue(t.env.eventsOf(EventKind.VOTE).isEmpty(), "a repeated grant is not a new vote event");
    }

    @Test
    void aCandidateOrLeaderHasVotedForItself() {
        TestNode t = TestNode.of(1, 3).term(2);
        t.node.electionTimeout();
        assertFalse(ask(t, rv(2, 1, 3, 0, 0)).voteGranted());
        assertEquals(Role.CANDIDATE, t.node.role());
    }

    @Test
    void upToDateCheckComparesLastTermFirst() {
        // Voter's log: terms 1,1,3 (last term 3, length 3).
        // Candidate with a longer log of an older last term: refused.
        TestNode t = TestNode.of(1, 3).term(3).log(1, 1, 3);
        assertFalse(ask(t, rv(2, 1, 4, 10, 2)).voteGranted());
        // Candidate with a shorter log whose last term is newer: granted.
        TestNode u = TestNode.of(1, 3).term(3).log(1, 1, 3);
        assertTrue(ask(u, rv(2, 1, 4, 1, 4)).voteGranted());
    }

    @Test
    void upToDateCheckComparesLengthWhenLastTermsTie() {
        TestNode shorter = TestNode.of(1, 3).term(3).log(1, 1, 3);
        assertFalse(ask(shorter, rv(2, 1, 4, 2, 3)).voteGranted(), "same last term, shorter log: refused");
        TestNode equal = TestNode.of(1, 3).term(3).log(1, 1, 3);
        assertTrue(ask(equal, rv(2, 1, 4, 3, 3)).voteGranted(), "same last term, same length: granted");
        TestNode longer = TestNode.of(1, 3).term(3).log(1, 1, 3);
        assertTrue(ask(longer, rv(2, 1, 4, 4, 3)).voteGranted(), "same last term, longer log: granted");
    }

    @Test
    void refusingForAStaleLogStillAdoptsTheTermButKeepsTheVoteFree() {
        TestNode t = TestNode.of(1, 3).term(3).log(3);
        assertFalse(ask(t, rv(2, 1, 8, 5, 2)).voteGranted());
        assertEquals(8, t.node.currentTerm());
        assertEquals(0, t.node.votedFor());
        assertTrue(ask(t, rv(3, 1, 8, 1, 3)).voteGranted(), "the vote of term 8 is still available");
    }

    @Test
    void grantingResetsTheElectionTimerAndRefusingDoesNot() {
        TestNode t = TestNode.of(1, 3).term(3).log(3);
        t.node.start();
        t.env.clear();
        ask(t, rv(2, 1, 3, 0, 0)); // stale log, same term: refused
        assertTrue(t.env.electionArms.isEmpty(), "refusing a vote must not reset the timer");
        ask(t, rv(2, 1, 2, 5, 3)); // old term: refused
        assertTrue(t.env.electionArms.isEmpty());
        ask(t, rv(3, 1, 3, 1, 3)); // granted
        assertEquals(1, t.env.electionArms.size(), "granting resets the timer");
        t.env.clear();
        ask(t, rv(2, 1, 3, 1, 3)); // already voted for 3
        assertTrue(t.env.electionArms.isEmpty());
    }

    @Test
    void refusingAHigherTermCandidateWithAStaleLogDoesNotResetAFollowersTimer() {
        TestNode t = TestNode.of(1, 3).term(3).log(3);
        t.node.start();
        t.env.clear();
        ask(t, rv(2, 1, 9, 7, 2));
        assertEquals(9, t.node.currentTerm());
        assertTrue(t.env.electionArms.isEmpty(), "a disruptive candidate must not keep us from timing out");
    }
}
