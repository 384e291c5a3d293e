package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.ae;
import static raftlab.raft.TestNode.entries;
import static raftlab.raft.TestNode.heartbeat;

import org.junit.jupiter.api.Test;

/** Figure 2, AppendEntries receiver: consistency check, conflict hint, truncation only on conflict, commit. */
class AppendEntriesTest {

    private static AppendEntriesReply send(TestNode t, AppendEntries m) {
        t.env.clear();
        t.node.receive(m);
        return t.env.only(AppendEntriesReply.class);
    }

    @Test
    void theMessageKeepsItsOwnReadOnlyCopyOfTheEntries() {
        java.util.List<Entry> mine = entries(1, 1, 1); // an ArrayList
        AppendEntries m = new AppendEntries(1, 2, 1, 0, 0, mine, 0);
        mine.add(new Entry(1, Command.NOOP));
        assertEquals(2, m.entries().size(), "a later change to the sender's list does not reach the message");
        assertEquals(entries(1, 1, 1), m.entries());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> m.entries().add(new Entry(1, Command.NOOP)));
        assertSame(m.entries(), new AppendEntries(1, 3, 1, 0, 0, m.entries(), 0).entries(),
                "a read-only list of the lab's own is kept as it is");
        org.junit.jupiter.api.Assertions.assertNull(new AppendEntries(1, 2, 1, 0, 0, null, 0).entries(),
                "null stays null, for the lab to name a learner's mistake");
    }

    @Test
    void appendsAfterAMatchingPrefix() {
        TestNode t = TestNode.of(2, 3).term(2).log(1, 2);
        AppendEntriesReply r = send(t, ae(1, 2, 2, 2, 2, entries(3, 2, 2), 0));
        assertTrue(r.success());
        assertEquals(4, r.matchIndex());
        assertArrayEquals(new long[] {1, 2, 2, 2}, t.logTerms());
        assertEquals(1, t.node.leaderId());
    }

    @Test
    void rejectsWhenPrevIndexIsPastTheEndWithTheLogLengthAsHint() {
        TestNode t = TestNode.of(2, 3).term(3).log(1, 1);
        AppendEntriesReply r = send(t, ae(1, 2, 3, 5, 3, entries(6, 3), 0));
        assertFalse(r.success());
        assertEquals(0, r.conflictTerm());
        assertEquals(3, r.conflictIndex(), "log length + 1");
        assertArrayEquals(new long[] {1, 1}, t.logTerms());
    }

    @Test
    void rejectsWhenPrevTermDiffersWithTheConflictingTermAndItsFirstIndex() {
        TestNode t = TestNode.of(2, 3).term(4).log(1, 2, 2, 2, 2);
        AppendEntriesReply r = send(t, ae(1, 2, 4, 4, 3, entries(5, 4), 0));
        assertFalse(r.success());
        assertEquals(2, r.conflictTerm());
        assertEquals(2, r.conflictIndex(), "first index of term 2 in our log");
        assertArrayEquals(new long[] {1, 2, 2, 2, 2}, t.logTerms(), "a rejection changes nothing");
    }

    @Test
    void conflictHintAtTheVeryFirstEntry() {
        TestNode t = TestNode.of(2, 3).term(4).log(2, 2);
        AppendEntriesReply r = send(t, ae(1, 2, 4, 2, 3, entries(3, 4), 0));
        assertEquals(2, r.conflictTerm());
        assertEquals(1, r.conflictIndex());
    }

    @Test
    void truncatesOnlyFromTheFirstRealConflict() {
        TestNode t = TestNode.of(2, 3).term(3).log(1, 1, 2, 2, 2);
        // Entries for 2..4: index 2 (term 1) and 3 (term 2) match; 4 has term 3 where we hold term 2.
        AppendEntriesReply r = send(t, ae(1, 2, 3, 1, 1, entries(2, 1, 2, 3), 0));
        assertTrue(r.success());
        assertEquals(4, r.matchIndex());
        assertArrayEquals(new long[] {1, 1, 2, 3}, t.logTerms(), "index 5 went with the conflict at 4");
        NodeEvent cut = t.env.eventsOf(EventKind.TRUNCATE).get(0);
        assertEquals(4, cut.a());
        assertEquals(2, cut.b());
    }

    @Test
    void matchingEntriesAreNotRewritten() {
        TestNode t = TestNode.of(2, 3).term(2).log(1, 2, 2);
        Entry second = t.node.log().get(2);
        send(t, ae(1, 2, 2, 0, 0, entries(1, 1, 2, 2), 0));
        assertSame(second, t.node.log().get(2), "an entry we already hold stays the same object");
        assertTrue(t.env.eventsOf(EventKind.TRUNCATE).isEmpty());
    }

    @Test
    void staleShorterAppendAfterALongerOneRemovesNothing() {
        TestNode t = TestNode.of(2, 3).term(2);
        send(t, ae(1, 2, 2, 0, 0, entries(1, 1, 2, 2, 2), 0));
        assertEquals(4, t.node.log().lastIndex());
        // The older message with only the first two entries arrives late.
        AppendEntriesReply r = send(t, ae(1, 2, 2, 0, 0, entries(1, 1, 2), 0));
        assertTrue(r.success());
        assertEquals(2, r.matchIndex(), "it vouches only for what this message carried");
        assertArrayEquals(new long[] {1, 2, 2, 2}, t.logTerms());
        // And an old heartbeat (no entries) pointing into the middle of the log removes nothing either.
        send(t, heartbeat(1, 2, 2, 1, 1, 0));
        assertArrayEquals(new long[] {1, 2, 2, 2}, t.logTerms());
        assertTrue(t.env.eventsOf(EventKind.TRUNCATE).isEmpty());
    }

    @Test
    void duplicatedAppendIsIdempotent() {
        TestNode t = TestNode.of(2, 3).term(2).log(1);
        AppendEntries m = ae(1, 2, 2, 1, 1, entries(2, 2, 2), 1);
        send(t, m);
        AppendEntriesReply again = send(t, m);
        assertTrue(again.success());
        assertEquals(3, again.matchIndex());
        assertArrayEquals(new long[] {1, 2, 2}, t.logTerms());
    }

    @Test
    void commitIndexIsTheSmallerOfLeaderCommitAndTheLastNewEntry() {
        TestNode t = TestNode.of(2, 3).term(2).log(1, 1, 1, 1, 1);
        // Our log is longer than what this message vouches for: only index 2 is known to match the leader.
        send(t, heartbeat(1, 2, 2, 2, 1, 5));
        assertEquals(2, t.node.commitIndex(), "entries 3..5 may yet turn out to conflict");
        send(t, ae(1, 2, 2, 2, 1, entries(3, 1), 5));
        assertEquals(3, t.node.commitIndex());
        send(t, ae(1, 2, 2, 3, 1, entries(4, 1, 1), 4));
        assertEquals(4, t.node.commitIndex(), "leaderCommit bounds it");
    }

    @Test
    void commitIndexNeverDecreases() {
        TestNode t = TestNode.of(2, 3).term(2);
        send(t, ae(1, 2, 2, 0, 0, entries(1, 2, 2, 2), 3));
        assertEquals(3, t.node.commitIndex());
        send(t, ae(1, 2, 2, 0, 0, entries(1, 2), 1)); // an old message with an old leaderCommit
        assertEquals(3, t.node.commitIndex());
        send(t, heartbeat(1, 2, 2, 1, 2, 3)); // min(3, 1) = 1 < 3
        assertEquals(3, t.node.commitIndex());
        assertEquals(3, t.node.lastApplied());
    }

    @Test
    void staleTermAppendIsRejectedWithOurTermAndChangesNothing() {
        TestNode t = TestNode.of(2, 3).term(5).log(1);
        AppendEntriesReply r = send(t, ae(1, 2, 3, 1, 1, entries(2, 3), 2));
        assertFalse(r.success());
        assertEquals(5, r.term());
        assertArrayEquals(new long[] {1}, t.logTerms());
        assertEquals(0, t.node.commitIndex());
    }

    @Test
    void heartbeatLearnsTheLeader() {
        TestNode t = TestNode.of(2, 3).term(1);
        send(t, heartbeat(3, 2, 2, 0, 0, 0));
        assertEquals(3, t.node.leaderId());
        assertEquals(2, t.node.currentTerm());
        assertEquals(0, t.node.votedFor());
    }
}
