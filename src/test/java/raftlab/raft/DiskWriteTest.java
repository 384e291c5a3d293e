package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.ae;
import static raftlab.raft.TestNode.entries;
import static raftlab.raft.TestNode.heartbeat;
import static raftlab.raft.TestNode.rv;

import org.junit.jupiter.api.Test;

/** Every step that changes term, vote or log returns the write that brings the disk to the same state. */
class DiskWriteTest {

    @Test
    void aGrantedVoteIsWrittenInTheSameBatchAsTheReply() {
        TestNode t = TestNode.of(1, 3).term(2);
        Effects fx = t.node.receive(rv(2, 1, 3, 0, 0));
        DiskWrite w = fx.persist();
        assertNotNull(w, "the vote must reach the disk before the reply leaves");
        assertEquals(3, w.currentTerm());
        assertEquals(2, w.votedFor());
        assertTrue(fx.messages().get(0) instanceof RequestVoteReply);
    }

    @Test
    void appendedEntriesAreWrittenAfterTheKeptPrefix() {
        TestNode t = TestNode.of(2, 3).term(1).log(1, 1);
        DiskWrite w = t.node.receive(ae(1, 2, 1, 2, 1, entries(3, 1, 1), 0)).persist();
        assertEquals(2, w.keepEntries());
        assertEquals(entries(3, 1, 1), w.appended());
    }

    @Test
    void aTruncationKeepsOnlyThePrefixBeforeTheConflict() {
        TestNode t = TestNode.of(2, 3).term(2).log(1, 1, 1);
        DiskWrite w = t.node.receive(ae(1, 2, 2, 1, 1, entries(2, 2), 0)).persist();
        assertEquals(1, w.keepEntries(), "index 2 of term 1 conflicted with the leader's of term 2");
        assertEquals(entries(2, 2), w.appended());
        assertEquals(2, t.disk.log().lastIndex(), "the test's disk, written from the batch, matches the node");
        assertEquals(2, t.disk.log().termAt(2));
    }

    @Test
    void aStepThatChangesNothingPersistentWritesNothing() {
        TestNode t = TestNode.of(2, 3).term(1).log(1);
        assertNull(t.node.receive(heartbeat(1, 2, 1, 1, 1, 1)).persist(), "a heartbeat changes volatile state only");
    }

    @Test
    void aLeaderWritesItsOwnEntryWithTheProposal() {
        TestNode t = TestNode.of(1, 3).term(1).lead(2);
        DiskWrite w = t.node.propose(new Command(CommandKind.PUT, "x", "1", 7)).persist();
        assertEquals(1, w.keepEntries(), "after the no-op at index 1");
        assertEquals(1, w.appended().size());
        assertEquals(7, w.appended().get(0).command().requestId());
    }
}
