package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.heartbeat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Figure 2, candidates: start an election, win with a majority (once), or give way to this term's leader. */
class ElectionTest {

    @Test
    void startingAnElectionBumpsTheTermVotesForItselfAndAsksEveryPeer() {
        TestNode t = TestNode.of(2, 5).term(3).log(1, 3);
        t.node.electionTimeout();
        assertEquals(Role.CANDIDATE, t.node.role());
        assertEquals(4, t.node.currentTerm());
        assertEquals(2, t.node.votedFor());
        List<RequestVote> asks = t.env.sentOf(RequestVote.class);
        assertEquals(4, asks.size());
        for (int i = 0; i < 4; i++) {
            RequestVote r = asks.get(i);
            assertEquals(new int[] {1, 3, 4, 5}[i], r.to());
            assertEquals(4, r.term());
            assertEquals(2, r.lastLogIndex());
            assertEquals(3, r.lastLogTerm());
        }
    }

    @Test
    void winsWithAMajorityExactlyOnceAndDuplicatesDoNotCount() {
        TestNode t = TestNode.of(1, 5).term(0);
        t.node.electionTimeout();
        t.node.receive(new RequestVoteReply(2, 1, 1, true));
        t.node.receive(new RequestVoteReply(2, 1, 1, true)); // the same vote, delivered twice
        assertEquals(Role.CANDIDATE, t.node.role(), "2 distinct votes of 5 are not a majority");
        t.node.receive(new RequestVoteReply(4, 1, 1, false));
        assertEquals(Role.CANDIDATE, t.node.role(), "a refusal is not a vote");
        t.node.receive(new RequestVoteReply(3, 1, 1, true));
        assertEquals(Role.LEADER, t.node.role());
        t.node.receive(new RequestVoteReply(5, 1, 1, true));
        t.node.receive(new RequestVoteReply(3, 1, 1, true));
        List<NodeEvent> roles = t.env.eventsOf(EventKind.ROLE);
        long leaderEvents = roles.stream().filter(e -> e.role() == Role.LEADER).count();
        assertEquals(1, leaderEvents, "becoming leader happens once");
        assertEquals(3, roles.get(roles.size() - 1).a(), "won with 3 votes");
        assertEquals(1, t.node.log().lastIndex(), "one no-op, not one per extra vote");
        assertEquals(1, t.env.heartbeatArms.size());
    }

    @Test
    void singleNodeClusterElectsItselfAndCommitsAtOnce() {
        TestNode t = TestNode.of(1, 1).term(0);
        t.node.electionTimeout();
        assertEquals(Role.LEADER, t.node.role());
        assertEquals(1, t.node.currentTerm());
        assertTrue(t.env.sent.isEmpty(), "nobody to ask");
        assertEquals(1, t.node.commitIndex(), "its own no-op is on a majority of one");
        t.node.propose(new Command(CommandKind.PUT, "x", "1", 7));
        assertEquals(2, t.node.commitIndex());
        assertEquals("1", t.node.kv().view().get("x"));
        assertEquals(ClientReply.Status.OK, t.env.replies.get(t.env.replies.size() - 1).status());
    }

    @Test
    void newLeaderAppendsANoopOfItsTermAndSendsIt() {
        TestNode t = TestNode.of(1, 3).term(2).log(1, 2);
        t.lead(3);
        assertEquals(3, t.node.log().lastIndex());
        Entry noop = t.node.log().get(3);
        assertEquals(3, noop.term());
        assertEquals(CommandKind.NOOP, noop.command().kind());
        List<AppendEntries> sent = t.env.sentOf(AppendEntries.class);
        assertEquals(2, sent.size());
        for (AppendEntries ae : sent) {
            assertEquals(2, ae.prevLogIndex(), "nextIndex starts just past the leader's old log");
            assertEquals(2, ae.prevLogTerm());
            assertEquals(List.of(noop), ae.entries());
        }
    }

    @Test
    void noNoopWhenSettingsSayNo() {
        TestNode t = TestNode.of(1, 3, new Settings(150, 300, 50, false, 64)).term(2).log(1, 2);
        t.lead(3);
        assertEquals(2, t.node.log().lastIndex());
        for (AppendEntries ae : t.env.sentOf(AppendEntries.class)) {
            assertTrue(ae.entries().isEmpty());
            assertEquals(2, ae.prevLogIndex());
        }
    }

    @Test
    void candidateGivesWayToALeaderOfItsOwnTerm() {
        TestNode t = TestNode.of(1, 3).term(4);
        t.node.electionTimeout();
        t.env.clear();
        t.node.receive(heartbeat(2, 1, 5, 0, 0, 0));
        assertEquals(Role.FOLLOWER, t.node.role());
        assertEquals(5, t.node.currentTerm());
        assertEquals(1, t.node.votedFor(), "the vote it cast for itself in term 5 stands");
        assertEquals(2, t.node.leaderId());
        assertTrue(t.env.only(AppendEntriesReply.class).success());
        // A late vote for the old candidacy must not make it leader now.
        t.node.receive(new RequestVoteReply(3, 1, 5, true));
        assertEquals(Role.FOLLOWER, t.node.role());
    }

    @Test
    void candidateIgnoresAnOlderLeader() {
        TestNode t = TestNode.of(1, 3).term(4);
        t.node.electionTimeout();
        t.node.receive(heartbeat(2, 1, 4, 0, 0, 0));
        assertEquals(Role.CANDIDATE, t.node.role());
        assertEquals(0, t.node.leaderId());
    }

    @Test
    void splitVoteTimesOutIntoANewTerm() {
        TestNode t = TestNode.of(1, 4).term(0);
        t.node.electionTimeout();
        t.node.receive(new RequestVoteReply(2, 1, 1, true));
        t.node.receive(new RequestVoteReply(3, 1, 1, false));
        t.node.receive(new RequestVoteReply(4, 1, 1, false));
        t.node.electionTimeout();
        assertEquals(2, t.node.currentTerm());
        assertEquals(Role.CANDIDATE, t.node.role());
        // The vote from term 1 is forgotten: one more vote of term 2 is not enough.
        t.node.receive(new RequestVoteReply(3, 1, 2, true));
        assertEquals(Role.CANDIDATE, t.node.role());
        t.node.receive(new RequestVoteReply(4, 1, 2, true));
        assertEquals(Role.LEADER, t.node.role());
    }
}
