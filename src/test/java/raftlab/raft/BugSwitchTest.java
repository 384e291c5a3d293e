package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.ae;
import static raftlab.raft.TestNode.entries;
import static raftlab.raft.TestNode.heartbeat;
import static raftlab.raft.TestNode.rv;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each switchable bug shows the mistake it names when on, and the Figure 2 behaviour when off. */
class BugSwitchTest {

    private static TestNode node(int id, int size, Bug bug, boolean on) {
        TestNode t = TestNode.of(id, size);
        if (on) {
            t.bugs.add(bug);
        }
        return t;
    }

    @Test
    void everyBugHasALabelAndNoneIsOnByDefault() {
        for (Bug b : Bug.values()) {
            assertEquals(b, Bug.byLabel(b.label));
        }
        assertEquals(null, Bug.byLabel("no-such-bug"));
        assertEquals(EnumSet.noneOf(Bug.class), TestNode.of(1, 3).bugs);
    }

    // ------------------------------------------------------------------------------------------ naive-seed

    private static Role afterStaleVotes(boolean on) {
        TestNode t = node(1, 3, Bug.NAIVE_SEED, on).term(4);
        t.node.electionTimeout(); // term 5
        t.node.receive(new RequestVoteReply(2, 1, 3, true)); // a grant from long ago
        return t.node.role();
    }

    @Test
    void naiveSeedCountsVotesFromOtherTerms() {
        assertEquals(Role.LEADER, afterStaleVotes(true));
        assertEquals(Role.CANDIDATE, afterStaleVotes(false));
    }

    private static long[] afterAppendPastTheEnd(boolean on) {
        TestNode t = node(2, 3, Bug.NAIVE_SEED, on).term(2).log(1);
        t.node.receive(ae(1, 2, 2, 3, 2, entries(4, 2), 0)); // we have nothing at 2 and 3
        return t.logTerms();
    }

    @Test
    void naiveSeedAppendsWithoutThePrevLogCheck() {
        assertArrayEquals(new long[] {1, 2}, afterAppendPastTheEnd(true), "index 4's entry lands at index 2");
        assertArrayEquals(new long[] {1}, afterAppendPastTheEnd(false));
    }

    // ------------------------------------------------------------------------------------------ commit-old-term

    private static long figure8Commit(boolean on) {
        TestNode t = node(1, 5, Bug.COMMIT_OLD_TERM, on).term(3).log(1, 2);
        t.lead(4);
        // The term-4 no-op at index 3 reaches nobody; index 2 (term 2) is on S1, S2, S3.
        t.node.receive(AppendEntriesReply.ok(2, 1, 4, 2));
        t.node.receive(AppendEntriesReply.ok(3, 1, 4, 2));
        return t.node.commitIndex();
    }

    @Test
    void commitOldTermCountsReplicasOfAnEarlierTerm() {
        assertEquals(2, figure8Commit(true));
        assertEquals(0, figure8Commit(false));
    }

    // ------------------------------------------------------------------------------------------ no-up-to-date-check

    private static boolean grantsToStaleLog(boolean on) {
        TestNode t = node(1, 3, Bug.NO_UP_TO_DATE_CHECK, on).term(3).log(1, 3);
        t.node.receive(rv(2, 1, 4, 1, 1));
        return t.env.only(RequestVoteReply.class).voteGranted();
    }

    @Test
    void noUpToDateCheckVotesForAStaleLog() {
        assertTrue(grantsToStaleLog(true));
        assertFalse(grantsToStaleLog(false));
    }

    @Test
    void noUpToDateCheckStillKeepsOneVotePerTerm() {
        TestNode t = node(1, 3, Bug.NO_UP_TO_DATE_CHECK, true).term(3);
        t.node.receive(rv(2, 1, 4, 0, 0));
        t.env.clear();
        t.node.receive(rv(3, 1, 4, 0, 0));
        assertFalse(t.env.only(RequestVoteReply.class).voteGranted(), "only the log check is switched off");
    }

    // ------------------------------------------------------------------------------------------ forget-vote

    private static boolean votesTwiceAcrossARestart(boolean on) {
        TestNode t = node(1, 3, Bug.FORGET_VOTE, on).term(4);
        t.node.receive(rv(2, 1, 5, 0, 0));
        TestNode r = t.restarted();
        r.node.receive(rv(3, 1, 5, 0, 0));
        return r.env.only(RequestVoteReply.class).voteGranted();
    }

    @Test
    void forgetVoteLosesVotedForOnRestart() {
        assertTrue(votesTwiceAcrossARestart(true));
        assertFalse(votesTwiceAcrossARestart(false));
    }

    @Test
    void forgetVoteDoesNotForgetTheTermOrLog() {
        TestNode t = node(1, 3, Bug.FORGET_VOTE, true).term(4).log(2, 4);
        TestNode r = t.restarted();
        assertEquals(4, r.node.currentTerm());
        assertArrayEquals(new long[] {2, 4}, r.logTerms());
    }

    // ------------------------------------------------------------------------------------------ truncate-on-stale

    private static long[] afterStaleShortAppend(boolean on) {
        TestNode t = node(2, 3, Bug.TRUNCATE_ON_STALE_APPEND, on).term(2);
        t.node.receive(ae(1, 2, 2, 0, 0, entries(1, 2, 2, 2), 0));
        t.node.receive(ae(1, 2, 2, 0, 0, entries(1, 2), 0)); // older, shorter
        return t.logTerms();
    }

    @Test
    void truncateOnStaleAppendLosesEntries() {
        assertArrayEquals(new long[] {2}, afterStaleShortAppend(true));
        assertArrayEquals(new long[] {2, 2, 2}, afterStaleShortAppend(false));
    }

    // ------------------------------------------------------------------------------------------ early-apply

    private static Map<String, String> followerStoreBeforeCommit(boolean on) {
        TestNode t = node(2, 3, Bug.EARLY_APPLY, on).term(1);
        t.node.receive(ae(1, 2, 1, 0, 0, entries(1, 1), 0));
        assertEquals(0, t.node.commitIndex(), "the bug does not pretend to commit");
        return t.node.kv().view();
    }

    @Test
    void earlyApplyAppliesUncommittedEntriesOnFollowers() {
        assertEquals(Map.of("k1", "t1"), followerStoreBeforeCommit(true));
        assertEquals(Map.of(), followerStoreBeforeCommit(false));
    }

    private static long leaderAppliedBeforeCommit(boolean on) {
        TestNode t = node(1, 3, Bug.EARLY_APPLY, on).term(0).lead(1);
        t.node.propose(new Command(CommandKind.PUT, "x", "1", 1));
        return t.node.lastApplied();
    }

    @Test
    void earlyApplyAppliesOnTheLeaderAtPropose() {
        assertEquals(2, leaderAppliedBeforeCommit(true));
        assertEquals(0, leaderAppliedBeforeCommit(false));
    }

    @Test
    void theBugSetIsReadLive() {
        // The lab switches bugs on a running cluster: a node must consult the set each time, not copy it.
        TestNode t = TestNode.of(1, 3).term(3).log(1, 3);
        t.bugs.add(Bug.NO_UP_TO_DATE_CHECK);
        t.node.receive(rv(2, 1, 4, 1, 1));
        assertTrue(t.env.only(RequestVoteReply.class).voteGranted());
        t.bugs.clear();
        t.env.clear();
        t.node.receive(heartbeat(2, 1, 4, 0, 0, 0));
        t.node.receive(rv(3, 1, 5, 1, 1));
        assertFalse(t.env.only(RequestVoteReply.class).voteGranted());
    }

    // ------------------------------------------------------------------------------------------ no floods

    /** Hops until quiet; the number of hops, or -1 if still busy after 50 (a ping-pong that never ends). */
    private static int hopsAfterAFollowerLostAcknowledgedEntries() {
        TestNode leader = TestNode.of(1, 3).term(0).log(0, 0, 0).lead(1);
        TestNode f = TestNode.of(2, 3).term(1).log(0);
        TestNode other = TestNode.of(3, 3).term(1).log(0, 0, 0, 1);
        leader.bugs.add(Bug.TRUNCATE_ON_STALE_APPEND);
        HandNet net = new HandNet(leader, f, other);
        net.lose();
        // n2 acknowledged 1..4 earlier in this term, then a stale append cut its log back to index 1.
        leader.node.receive(AppendEntriesReply.ok(2, 1, 1, 4));
        leader.node.receive(AppendEntriesReply.ok(3, 1, 1, 4));
        leader.node.propose(new Command(CommandKind.PUT, "x", "1", 1));
        try {
            return net.settle(50) * 2;
        } catch (AssertionError busy) {
            return -1;
        }
    }

    @Test
    void aFollowerThatLostAcknowledgedEntriesDoesNotPingPongWithTheLeader() {
        // Only a switched-on bug can get a follower into this state. Its refusals name an index at or below what it
        // acknowledged, which the leader takes as stale whatever bugs are on (the healthy path is the same): no
        // resend answers them, so the exchange ends instead of flooding the network.
        assertTrue(hopsAfterAFollowerLostAcknowledgedEntries() >= 0, "leader and follower ping-pong forever");
    }

    @Test
    void aRefusalAboveTheMatchIsActedOnAtOnceWithOrWithoutBugs() {
        for (boolean bugOn : new boolean[] {false, true}) {
            TestNode t = node(1, 3, Bug.TRUNCATE_ON_STALE_APPEND, bugOn).term(0).log(0, 0).lead(1); // no-op at 3
            t.node.receive(AppendEntriesReply.ok(2, 1, 1, 1));
            t.env.clear();
            t.node.receive(AppendEntriesReply.mismatch(2, 1, 1, 2, 0, 2)); // n2 holds index 1 only
            AppendEntries resend = t.env.only(AppendEntries.class);
            assertEquals(1, resend.prevLogIndex(), "bug on: " + bugOn);
            assertEquals(2, resend.entries().size(), "bug on: " + bugOn);
        }
    }

    @Test
    void aRefusalAtOrBelowTheMatchIsStaleWithOrWithoutBugs() {
        for (boolean bugOn : new boolean[] {false, true}) {
            TestNode t = node(1, 3, Bug.TRUNCATE_ON_STALE_APPEND, bugOn).term(0).log(0, 0).lead(1);
            t.node.receive(AppendEntriesReply.ok(2, 1, 1, 3));
            t.env.clear();
            t.node.receive(AppendEntriesReply.mismatch(2, 1, 1, 2, 0, 1)); // crossed the success above
            assertTrue(t.env.sent.isEmpty(), "bug on: " + bugOn + ": " + t.env.sent);
            assertEquals(4, t.node.nextIndex(2));
        }
    }

    @Test
    void noAppendRetryIgnoresRefusalsSoTheLostEntriesAreNeverResent() {
        for (boolean bugOn : new boolean[] {false, true}) {
            TestNode t = node(1, 3, Bug.NO_APPEND_RETRY, bugOn).term(0).log(0, 0).lead(1); // no-op at 3
            t.node.receive(AppendEntriesReply.ok(2, 1, 1, 3));
            t.node.propose(new Command(CommandKind.PUT, "x", "1", 1)); // index 4, sent to n2 and lost
            t.env.clear();
            t.node.receive(AppendEntriesReply.mismatch(2, 1, 1, 4, 0, 4)); // n2 refuses the next one: it lacks 4
            assertEquals(bugOn ? 0 : 1, t.env.sentOf(AppendEntries.class).size(), "bug on: " + bugOn);
            assertEquals(bugOn ? 5 : 4, t.node.nextIndex(2), "bug on: " + bugOn);
        }
    }

    // ------------------------------------------------------------------------------------------ vote-despite-leader

    /** A follower of n3 in term 2 with CheckQuorum, just after a heartbeat, asked for its vote in term 3 by n2. */
    private static TestNode votedUnderLease(boolean on) {
        TestNode t = TestNode.of(1, 3, TestNode.SETTINGS.withElections(false, true)).term(2);
        if (on) {
            t.bugs.add(Bug.VOTE_DESPITE_LEADER);
        }
        t.node.receive(heartbeat(3, 1, 2, 0, 0, 0));
        t.env.clear();
        t.node.receive(rv(2, 1, 3, 0, 0));
        return t;
    }

    @Test
    void voteDespiteLeaderGrantsAVoteThoughALeaderWasHeardJustNow() {
        TestNode on = votedUnderLease(true);
        assertTrue(on.env.only(RequestVoteReply.class).voteGranted());
        assertEquals(3, on.node.currentTerm());
        TestNode off = votedUnderLease(false);
        assertTrue(off.env.sent.isEmpty(), "CheckQuorum: ignored, no answer");
        assertEquals(2, off.node.currentTerm());
    }
}
