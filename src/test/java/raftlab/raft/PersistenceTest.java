package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.ae;
import static raftlab.raft.TestNode.heartbeat;
import static raftlab.raft.TestNode.rv;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A restart keeps currentTerm, votedFor and the log; it loses role, commitIndex, lastApplied and the store. */
class PersistenceTest {

    @Test
    void restartKeepsPersistentStateAndResetsVolatileState() {
        TestNode before = TestNode.of(1, 3).term(1).lead(2);
        before.node.propose(new Command(CommandKind.PUT, "x", "1", 3));
        before.node.receive(AppendEntriesReply.ok(2, 1, 2, 2));
        assertEquals(2, before.node.commitIndex());
        assertEquals(Map.of("x", "1"), before.node.kv().view());

        TestNode after = before.restarted();
        assertEquals(2, after.node.currentTerm());
        assertEquals(1, after.node.votedFor());
        assertArrayEquals(new long[] {2, 2}, after.logTerms());
        assertEquals(Role.FOLLOWER, after.node.role());
        assertEquals(0, after.node.leaderId());
        assertEquals(0, after.node.commitIndex());
        assertEquals(0, after.node.lastApplied());
        assertTrue(after.node.kv().view().isEmpty(), "the store is rebuilt from the log, not remembered");
        assertEquals(1, after.env.electionArms.size(), "started, it waits for a leader like any follower");
    }

    @Test
    void restartedNodeAppliesOnlyWhatItLearnsIsCommitted() {
        TestNode t = TestNode.of(2, 3).term(1);
        List<Entry> es = List.of(
                new Entry(1, new Command(CommandKind.PUT, "x", "1", 1)),
                new Entry(1, new Command(CommandKind.APPEND, "x", "2", 2)));
        t.node.receive(ae(1, 2, 1, 0, 0, es, 2));
        assertEquals(Map.of("x", "12"), t.node.kv().view());

        TestNode r = t.restarted();
        r.node.receive(heartbeat(1, 2, 1, 2, 1, 1));
        assertEquals(1, r.node.commitIndex());
        assertEquals(Map.of("x", "1"), r.node.kv().view(), "index 2 is not known committed yet");
        r.node.receive(heartbeat(1, 2, 1, 2, 1, 2));
        assertEquals(Map.of("x", "12"), r.node.kv().view());
        assertEquals(2, r.node.lastApplied());
    }

    @Test
    void aVoteSurvivesARestart() {
        TestNode t = TestNode.of(1, 3).term(4);
        t.node.receive(rv(2, 1, 5, 0, 0));
        TestNode r = t.restarted();
        r.node.receive(rv(3, 1, 5, 0, 0));
        assertFalse(r.env.only(RequestVoteReply.class).voteGranted(), "one vote per term, even across a crash");
        assertEquals(2, r.node.votedFor());
    }

    @Test
    void aLeaderComesBackAsAFollowerOfTheSameTerm() {
        TestNode t = TestNode.of(1, 3).term(1).lead(2);
        TestNode r = t.restarted();
        assertEquals(Role.FOLLOWER, r.node.role());
        assertEquals(2, r.node.currentTerm());
        r.node.electionTimeout();
        assertEquals(3, r.node.currentTerm(), "its next election is in a new term");
    }
}
