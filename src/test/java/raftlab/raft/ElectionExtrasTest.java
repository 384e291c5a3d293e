package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.heartbeat;
import static raftlab.raft.TestNode.rv;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** PreVote, CheckQuorum and leadership transfer, rule by rule, on one node stepped by hand. */
class ElectionExtrasTest {
    private static final Settings PRE = TestNode.SETTINGS.withElections(true, false);
    private static final Settings CHECK = TestNode.SETTINGS.withElections(false, true);

    private static Command put(long id) {
        return new Command(CommandKind.PUT, "k", "v", id);
    }

    @Test
    void aTimedOutNodeAsksForPreVotesWithoutMovingItsTerm() {
        TestNode t = TestNode.of(1, 3, PRE).term(4);
        t.node.electionTimeout();
        assertEquals(Role.PRE_CANDIDATE, t.node.role());
        assertEquals(4, t.node.currentTerm());
        assertEquals(0, t.node.votedFor());
        List<PreVote> asks = t.env.sentOf(PreVote.class);
        assertEquals(2, asks.size());
        assertEquals(5, asks.get(0).term(), "it asks about the next term");
        assertTrue(t.env.sentOf(RequestVote.class).isEmpty());

        // One promise for term 5 (with its own) is a majority of 3: now it campaigns for real.
        t.node.receive(new PreVoteReply(2, 1, 5, true));
        assertEquals(Role.CANDIDATE, t.node.role());
        assertEquals(5, t.node.currentTerm());
        assertEquals(2, t.env.sentOf(RequestVote.class).size());
    }

    @Test
    void aStalePromiseDoesNotCountAndARefusalWithANewerTermIsAdopted() {
        TestNode t = TestNode.of(1, 3, PRE).term(4);
        t.node.electionTimeout();
        t.node.receive(new PreVoteReply(2, 1, 4, true)); // a promise for term 4: an older round
        assertEquals(Role.PRE_CANDIDATE, t.node.role());
        t.node.receive(new PreVoteReply(3, 1, 7, false));
        assertEquals(Role.FOLLOWER, t.node.role());
        assertEquals(7, t.node.currentTerm());
    }

    @Test
    void aPreVoteMovesNoTermAndIsPromisedOnlyWithoutALeaderAndToAnUpToDateLog() {
        TestNode t = TestNode.of(1, 3, PRE).term(2).log(1, 2);
        t.node.receive(new PreVote(2, 1, 3, 2, 2));
        PreVoteReply yes = t.env.only(PreVoteReply.class);
        assertTrue(yes.voteGranted());
        assertEquals(3, yes.term(), "a promise carries the term asked about");
        assertEquals(2, t.node.currentTerm(), "asking moved nobody's term");
        assertEquals(0, t.node.votedFor(), "a promise is no vote");

        t.env.clear();
        t.node.receive(new PreVote(3, 1, 3, 1, 1));
        assertFalse(t.env.only(PreVoteReply.class).voteGranted(), "its log is behind ours");

        // A heartbeat from a leader of term 2 gives a lease: no promises while it lasts, even to an up-to-date log.
        t.node.receive(heartbeat(3, 1, 2, 2, 2, 0));
        assertEquals(List.of(TestNode.SETTINGS.electionMin()), t.env.leaseArms);
        t.env.clear();
        t.node.receive(new PreVote(2, 1, 3, 2, 2));
        PreVoteReply no = t.env.only(PreVoteReply.class);
        assertFalse(no.voteGranted());
        assertEquals(2, no.term(), "a refusal carries the voter's own term");
        t.node.leaseTimeout();
        t.env.clear();
        t.node.receive(new PreVote(2, 1, 3, 2, 2));
        assertTrue(t.env.only(PreVoteReply.class).voteGranted(), "the lease ran out");
    }

    @Test
    void theBugLetsAPreVoteMoveTheReceiversTerm() {
        TestNode t = new TestNode(1, 3, PRE, EnumSet.of(Bug.PREVOTE_BUMPS_TERM), new PersistentState()).term(2);
        t.node.receive(new PreVote(2, 1, 3, 0, 0));
        assertEquals(3, t.node.currentTerm());
    }

    @Test
    void withCheckQuorumALeaderThatHearsFromNoMajorityStepsDownAndAnswersItsClientsUnknown() {
        TestNode t = TestNode.of(1, 5, CHECK).term(0).lead(1);
        assertTrue(t.env.electionArmed, "a CheckQuorum leader keeps its election timer for the check");
        t.node.propose(put(9));
        t.node.receive(AppendEntriesReply.ok(2, 1, 1, 2)); // one follower answers: 2 of 5
        t.env.clear();
        t.node.electionTimeout();
        assertEquals(Role.FOLLOWER, t.node.role());
        assertEquals(1, t.node.currentTerm());
        ClientReply r = t.env.replies.get(0);
        assertEquals(ClientReply.Status.UNKNOWN, r.status());
        assertEquals(2, r.index());
    }

    @Test
    void withCheckQuorumALeaderThatHearsFromAMajorityStays() {
        TestNode t = TestNode.of(1, 3, CHECK).term(0).lead(1);
        t.node.receive(AppendEntriesReply.ok(3, 1, 1, 1));
        t.node.electionTimeout();
        assertEquals(Role.LEADER, t.node.role());
        t.node.electionTimeout(); // nobody answered since the last check
        assertEquals(Role.FOLLOWER, t.node.role());
    }

    @Test
    void withCheckQuorumAFollowerUnderALeaseIgnoresRequestVoteButNotATransfersOne() {
        TestNode t = TestNode.of(1, 3, CHECK).term(2);
        t.node.receive(heartbeat(3, 1, 2, 0, 0, 0));
        t.env.clear();
        t.node.receive(rv(2, 1, 3, 0, 0));
        assertTrue(t.env.sent.isEmpty(), "ignored: no answer");
        assertEquals(2, t.node.currentTerm(), "and no new term");
        t.node.receive(new RequestVote(2, 1, 3, 0, 0, true));
        assertTrue(t.env.only(RequestVoteReply.class).voteGranted());
        assertEquals(3, t.node.currentTerm());
    }

    @Test
    void aTransferCatchesTheTargetUpFirstAndRefusesProposalsMeanwhile() {
        TestNode t = TestNode.of(1, 3).term(0).lead(1); // its no-op is index 1
        t.env.clear();
        t.node.transfer(2);
        assertTrue(t.env.sentOf(TimeoutNow.class).isEmpty(), "n2 has not acknowledged index 1 yet");
        t.node.propose(put(5));
        assertEquals(ClientReply.Status.REDIRECT, t.env.replies.get(0).status());
        assertEquals(2, t.env.replies.get(0).leaderHint());
        t.node.receive(AppendEntriesReply.ok(2, 1, 1, 1));
        assertEquals(2, t.env.only(TimeoutNow.class).to());
        t.node.receive(AppendEntriesReply.ok(2, 1, 1, 1));
        assertEquals(1, t.env.sentOf(TimeoutNow.class).size(), "TimeoutNow goes once");
    }

    @Test
    void aNewTransferReplacesAPendingOneAndSaysSo() {
        TestNode t = TestNode.of(1, 3).term(0).lead(1);
        t.node.transfer(2);
        t.env.clear();
        t.node.transfer(3);
        List<NodeEvent> steps = t.env.eventsOf(EventKind.TRANSFER);
        assertEquals(0, steps.get(0).a(), "the transfer to n2 is abandoned");
        assertEquals(2, steps.get(0).peer());
        assertEquals(3, steps.get(1).peer());
    }

    @Test
    void withTheBugTimeoutNowGoesAtOnceAndAnUnansweredTransferIsAbandoned() {
        TestNode t = new TestNode(1, 3, TestNode.SETTINGS, EnumSet.of(Bug.TRANSFER_TO_LAGGING_NODE),
                new PersistentState()).term(0).lead(1);
        t.env.clear();
        t.node.transfer(2);
        assertEquals(1, t.env.sentOf(TimeoutNow.class).size());
        t.node.electionTimeout();
        assertEquals(Role.LEADER, t.node.role());
        t.env.clear();
        t.node.propose(put(6));
        assertEquals(ClientReply.Status.ACCEPTED, t.env.replies.get(0).status(), "abandoned: requests are taken again");
    }

    @Test
    void timeoutNowStartsAnElectionAtOnceThatSaysItIsATransfer() {
        TestNode t = TestNode.of(2, 3, PRE).term(1);
        t.node.receive(new TimeoutNow(1, 2, 1));
        assertEquals(Role.CANDIDATE, t.node.role(), "no pre-vote for a transfer");
        assertEquals(2, t.node.currentTerm());
        assertTrue(t.env.sentOf(RequestVote.class).get(0).transfer());
    }
}
