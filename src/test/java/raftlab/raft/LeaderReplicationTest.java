package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Figure 2, leaders: nextIndex/matchIndex, fast backup with the conflict hint, commit rule, append-only log. */
class LeaderReplicationTest {

    private static Command put(String k, String v, long req) {
        return new Command(CommandKind.PUT, k, v, req);
    }

    @Test
    void nextAndMatchIndexFollowTheReplies() {
        TestNode t = TestNode.of(1, 3).term(1).log(1, 1).lead(2); // log 1,1 + no-op at 3
        assertEquals(3, t.node.nextIndex(2), "probe: the no-op went out, and nextIndex waits for the answer");
        assertEquals(ProgressState.PROBE, t.node.progress(2).state());
        assertTrue(t.node.progress(2).paused(), "one probe at a time");
        assertEquals(0, t.node.matchIndex(2));
        assertEquals(3, t.node.matchIndex(1), "the leader matches itself");
        t.node.receive(AppendEntriesReply.ok(2, 1, 2, 3));
        assertEquals(3, t.node.matchIndex(2));
        assertEquals(4, t.node.nextIndex(2));
        assertEquals(ProgressState.REPLICATE, t.node.progress(2).state(), "a success tells where n2's log matches");
        assertEquals(3, t.node.commitIndex(), "leader + n2 = majority of 3, and index 3 is of term 2");
        // A late success for a shorter prefix does not move matchIndex back.
        t.node.receive(AppendEntriesReply.ok(2, 1, 2, 1));
        assertEquals(3, t.node.matchIndex(2));
        // A late refusal (of prevLogIndex 2, at or below the match) is recognised as stale: no move, no resend.
        t.env.clear();
        t.node.receive(AppendEntriesReply.mismatch(2, 1, 2, 2, 0, 1));
        assertEquals(4, t.node.nextIndex(2));
        assertTrue(t.env.sent.isEmpty());
    }

    /**
     * Section 10.2.1 of the dissertation: the leader counts its own copy of an entry toward a majority only once its
     * disk says it is durable, however its AppendEntries fare meanwhile.
     */
    @Test
    void theLeaderCountsItselfOnlyForWhatItsDiskMadeDurable() {
        TestNode t = TestNode.of(1, 3).term(1).lead(2); // the no-op at 1 is durable: the disk was fast till now
        assertEquals(1, t.node.matchIndex(1));
        t.node.raw().persisted(0, 0); // an old notice, for a log that ended earlier, takes nothing back
        assertEquals(1, t.node.matchIndex(1));
        t.node.slowDisk();
        t.node.propose(put("x", "1", 9));
        assertEquals(2, t.disk.log().lastIndex(), "the entry is written");
        assertEquals(1, t.node.matchIndex(1), "but not durable yet: the leader does not count itself for it");
        t.node.receive(AppendEntriesReply.ok(2, 1, 2, 2)); // n2 has it (its AppendEntries left early)
        assertEquals(2, t.node.matchIndex(2));
        assertEquals(1, t.node.commitIndex(), "n2 alone is not a majority of 3 without the leader's own copy");
        t.node.raw().persisted(2, 1); // a notice for an entry of another term at 2: not this log
        assertEquals(1, t.node.commitIndex());
        t.node.persist();
        assertEquals(2, t.node.matchIndex(1));
        assertEquals(2, t.node.commitIndex(), "durable on the leader and on n2: committed");
        assertEquals(ClientReply.Status.OK, t.env.replies.get(t.env.replies.size() - 1).status());
    }

    @Test
    void aOneNodeLeaderCommitsOnlyOnceItsWriteIsDurable() {
        TestNode t = TestNode.of(1, 1).term(1).lead(2);
        assertEquals(1, t.node.commitIndex(), "the no-op, durable at once");
        t.node.slowDisk();
        t.node.propose(put("x", "1", 9));
        assertEquals(1, t.node.commitIndex(), "a majority of one, but its one copy is not durable");
        assertEquals(1, t.node.lastApplied());
        t.node.persist();
        assertEquals(2, t.node.commitIndex());
        assertEquals(2, t.node.lastApplied());
    }

    @Test
    void proposeSendsAtOnceOnlyToFollowersThatAreCaughtUp() {
        // One entry per message, so a follower that is catching up stays behind for a while.
        TestNode t = TestNode.of(1, 3, new Settings(150, 300, 50, true, 1)).term(1).log(1, 1, 1).lead(2);
        t.node.receive(AppendEntriesReply.ok(2, 1, 2, 4)); // n2 has everything
        t.node.receive(AppendEntriesReply.mismatch(3, 1, 2, 3, 0, 1)); // n3 has nothing: probe from 1
        assertEquals(1, t.node.nextIndex(3), "a probe with index 1 is on its way to n3");
        assertTrue(t.node.progress(3).paused());
        t.env.clear();
        t.node.propose(put("x", "1", 9));
        AppendEntries now = t.env.only(AppendEntries.class);
        assertEquals(2, now.to());
        assertEquals(4, now.prevLogIndex());
        assertEquals(1, now.entries().size());
        assertEquals(ClientReply.Status.ACCEPTED, t.env.replies.get(0).status());
        assertEquals(5, t.env.replies.get(0).index());
        assertEquals(5, t.node.matchIndex(1));
        assertEquals(1, t.node.nextIndex(3), "n3 gets it in order, once its probe is answered");
    }

    @Test
    void divergenceOverAWholeTermIsSkippedInOneStep() {
        // Leader: 1 | 4 4 (then its no-op of term 5). Follower: 1 | 2 2 2 2 2 2 2 (a term the leader never saw).
        TestNode leader = TestNode.of(1, 3).term(4).log(1, 4, 4);
        TestNode follower = TestNode.of(2, 3).term(4).log(1, 2, 2, 2, 2, 2, 2, 2);
        TestNode other = TestNode.of(3, 3).term(4).log(1, 4, 4);
        HandNet net = new HandNet(leader, follower, other);
        leader.lead(5);
        int roundTrips = net.settle(20);
        assertArrayEquals(leader.logTerms(), follower.logTerms());
        assertArrayEquals(new long[] {1, 4, 4, 5}, follower.logTerms());
        // First try at prev=3 fails with conflictTerm 2 from index 2; the next try starts at index 2 and fits.
        List<AppendEntries> tries = net.deliveredTo(2, AppendEntries.class);
        assertEquals(2, tries.size(), "one failed try, then the right one: " + tries);
        assertEquals(1, tries.get(1).prevLogIndex());
        AppendEntriesReply no = net.deliveredTo(1, AppendEntriesReply.class).stream()
                .filter(r -> r.from() == 2 && !r.success()).findFirst().orElseThrow();
        assertEquals(2, no.conflictTerm());
        assertEquals(2, no.conflictIndex());
        assertEquals(2, roundTrips);
        assertEquals(4, leader.node.commitIndex());
        assertEquals(5, leader.node.nextIndex(2));
        assertEquals(4, leader.node.matchIndex(2));
    }

    @Test
    void hintWithATermTheLeaderHasResumesAfterItsLastEntryOfThatTerm() {
        // Leader 1 3 3 5 ; follower 1 3 3 3 3 4 4. Follower rejects prev=4/5 with term 3 from index 2; the leader
        // holds term 3 up to index 3, so it resumes at 4, not at 2.
        TestNode leader = TestNode.of(1, 3).term(5).log(1, 3, 3, 5);
        TestNode follower = TestNode.of(2, 3).term(5).log(1, 3, 3, 3, 3, 4, 4);
        leader.lead(6);
        AppendEntries first = leader.env.sentOf(AppendEntries.class).get(0);
        assertEquals(4, first.prevLogIndex());
        follower.node.receive(first);
        AppendEntriesReply no = follower.env.only(AppendEntriesReply.class);
        assertEquals(3, no.conflictTerm());
        assertEquals(2, no.conflictIndex());
        leader.env.clear();
        leader.node.receive(no);
        AppendEntries second = leader.env.only(AppendEntries.class);
        assertEquals(3, second.prevLogIndex());
        assertEquals(3, second.prevLogTerm());
        follower.env.clear();
        follower.node.receive(second);
        assertTrue(follower.env.only(AppendEntriesReply.class).success());
        assertArrayEquals(new long[] {1, 3, 3, 5, 6}, follower.logTerms());
    }

    @Test
    void followerThatMissedAHundredEntriesCatchesUpInAFewRoundTrips() {
        long[] hundred = new long[100];
        java.util.Arrays.fill(hundred, 1);
        TestNode leader = TestNode.of(1, 3).term(1).log(hundred);
        TestNode empty = TestNode.of(2, 3).term(1);
        TestNode full = TestNode.of(3, 3).term(1).log(hundred);
        HandNet net = new HandNet(leader, empty, full);
        leader.lead(2);
        int roundTrips = net.settle(40);
        assertEquals(101, empty.node.log().lastIndex());
        assertArrayEquals(leader.logTerms(), empty.logTerms());
        // Reject (length hint) -> batch 1..64 -> batch 65..101: three round trips, not a hundred.
        assertEquals(3, net.deliveredTo(2, AppendEntries.class).size());
        assertEquals(3, roundTrips);
        assertEquals(101, leader.node.commitIndex());
        assertEquals(101, leader.node.matchIndex(2));
    }

    @Test
    void lostAppendIsRecoveredByTheNextHeartbeat() {
        TestNode leader = TestNode.of(1, 3).term(1).lead(2);
        TestNode f2 = TestNode.of(2, 3).term(1);
        TestNode f3 = TestNode.of(3, 3).term(1);
        HandNet net = new HandNet(leader, f2, f3);
        net.settle(10);
        leader.node.propose(put("x", "1", 5));
        net.lose(); // the new entry never reaches anyone
        leader.node.heartbeatTimeout();
        net.settle(10);
        assertEquals(2, f2.node.log().lastIndex());
        assertEquals(2, leader.node.commitIndex());
        assertEquals("1", leader.node.kv().view().get("x"));
    }

    @Test
    void figure8OldTermEntryOnAMajorityIsNotCommittedUntilACurrentTermEntryIs() {
        // S1 led term 2 and got index 2 to S2 only; after elections in term 3 (S5, whose entry went nowhere),
        // S1 leads term 4 and copies index 2 to S3 too: now on S1, S2, S3, a majority, but of term 2.
        Settings noNoop = new Settings(150, 300, 50, false, 64);
        TestNode s1 = TestNode.of(1, 5, noNoop).term(3).log(1, 2);
        s1.lead(4);
        s1.node.receive(AppendEntriesReply.ok(2, 1, 4, 2));
        s1.node.receive(AppendEntriesReply.ok(3, 1, 4, 2));
        assertEquals(2, s1.node.matchIndex(2));
        assertEquals(2, s1.node.matchIndex(3));
        assertEquals(0, s1.node.commitIndex(), "counting replicas of an old-term entry is what Figure 8 forbids");
        assertEquals(0, s1.node.lastApplied());
        s1.node.propose(put("x", "4", 1));
        s1.node.receive(AppendEntriesReply.ok(2, 1, 4, 3));
        assertEquals(0, s1.node.commitIndex(), "index 3 is on S1 and S2 only");
        s1.node.receive(AppendEntriesReply.ok(3, 1, 4, 3));
        assertEquals(3, s1.node.commitIndex(), "a term-4 entry on a majority commits everything before it");
        assertEquals(3, s1.node.lastApplied());
    }

    @Test
    void theLeaderNeverOverwritesItsOwnLog() {
        TestNode t = TestNode.of(1, 3).term(3).log(1, 2, 3).lead(4);
        long[] before = t.logTerms();
        // Followers that report all kinds of conflicts, and a deposed leader's stale append.
        t.node.receive(AppendEntriesReply.mismatch(2, 1, 4, 3, 9, 2));
        t.node.receive(AppendEntriesReply.mismatch(3, 1, 4, 3, 2, 1));
        t.node.receive(AppendEntriesReply.mismatch(2, 1, 4, 1, 0, 1));
        t.node.receive(TestNode.ae(3, 1, 3, 0, 0, TestNode.entries(1, 3, 3, 3), 3));
        assertArrayEquals(before, t.logTerms());
        assertEquals(Role.LEADER, t.node.role());
        for (AppendEntries m : t.env.sentOf(AppendEntries.class)) {
            assertTrue(m.prevLogIndex() >= 0 && m.prevLogIndex() <= t.node.log().lastIndex());
            assertEquals(t.node.log().termAt(m.prevLogIndex()), m.prevLogTerm());
        }
    }

    @Test
    void batchesAreCappedByMaxBatch() {
        TestNode t = TestNode.of(1, 2, new Settings(150, 300, 50, false, 3)).term(1).lead(2);
        t.env.clear();
        t.node.receive(AppendEntriesReply.ok(2, 1, 2, 0));
        for (int i = 1; i <= 7; i++) {
            t.node.propose(put("k", "" + i, i));
        }
        t.env.clear();
        t.node.receive(AppendEntriesReply.mismatch(2, 1, 2, 7, 0, 1)); // n2 lost them all and refused prevLogIndex 7
        AppendEntries m = t.env.only(AppendEntries.class);
        assertEquals(0, m.prevLogIndex());
        assertEquals(3, m.entries().size());
        assertEquals(1, t.node.nextIndex(2), "a probe: nextIndex moves once the answer says where n2 stands");
    }

    @Test
    void aDuplicatedRefusalCausesOneResendAndTheHeartbeatRetriesAProbe() {
        TestNode t = TestNode.of(1, 3).term(1).log(1, 1, 1).lead(2); // log 1,1,1 + no-op at 4
        t.env.clear();
        // The network duplicated the refusal of the first probe (prevLogIndex 3) by n3, whose log is empty.
        t.node.receive(AppendEntriesReply.mismatch(3, 1, 2, 3, 0, 1));
        t.node.receive(AppendEntriesReply.mismatch(3, 1, 2, 3, 0, 1));
        assertEquals(1, t.env.sent.size(), "the batch from index 1 goes once, not once per refusal: " + t.env.sent);
        // If that probe is lost, the heartbeat sends it again: nothing is stuck.
        t.env.clear();
        t.node.heartbeatTimeout();
        AppendEntries again = t.env.sentOf(AppendEntries.class).stream().filter(m -> m.to() == 3).findFirst()
                .orElseThrow();
        assertEquals(0, again.prevLogIndex());
        assertEquals(4, again.entries().size());
    }

    @Test
    void aRefusalOfAnOlderTermsMessageDoesNotLookLikeAMismatch() {
        // n1 leads term 2; n2 already matches index 4. A reply to n1's append of an earlier term comes back late:
        // n2 refused it for its term, which is not a log mismatch, so nothing is resent.
        TestNode t = TestNode.of(1, 3).term(1).log(1, 1, 1).lead(2);
        t.node.receive(AppendEntriesReply.ok(2, 1, 2, 4));
        t.env.clear();
        t.node.receive(AppendEntriesReply.staleTerm(2, 1, 2));
        assertTrue(t.env.sent.isEmpty(), "no resend of entries n2 holds: " + t.env.sent);
        assertEquals(5, t.node.nextIndex(2));
        assertEquals(ProgressState.REPLICATE, t.node.progress(2).state());
    }
}
