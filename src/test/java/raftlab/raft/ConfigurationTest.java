package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.ae;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Configurations: their text, their majorities (two in joint mode), and where a node takes its own from. */
class ConfigurationTest {

    @Test
    void formatAndParseAreInverse() {
        for (String s : List.of("voters 1,2,3", "voters 1,2,3 learners 4,5", "joint 1,2,3 -> 1,2,6,7",
                "joint 1,2 -> 3 learners 9")) {
            assertEquals(s, Configuration.parse(s).format());
        }
        assertThrows(IllegalArgumentException.class, () -> Configuration.parse("voters"));
        assertThrows(IllegalArgumentException.class, () -> Configuration.parse("voters 1,x"));
        assertThrows(IllegalArgumentException.class, () -> Configuration.parse("voters 1,2 learners 2"));
    }

    @Test
    void jointModeNeedsAMajorityOfEachSide() {
        Configuration joint = Configuration.parse("joint 1,2,3 -> 3,4,5");
        assertFalse(joint.hasMajority(id -> id == 1 || id == 2 || id == 3), "all of the old side, one of the new");
        assertTrue(joint.hasMajority(id -> id == 2 || id == 3 || id == 4));
        long[] acked = {0, 9, 9, 5, 2, 2};
        assertEquals(2, joint.committedIndex(id -> acked[id]), "the new side has only index 2 on a majority");
        assertEquals(Quorum.VoteResult.LOST, joint.voteResult(id -> id == 1 || id == 2, id -> id == 4 || id == 5));
        assertEquals(Quorum.VoteResult.PENDING, joint.voteResult(id -> id == 1 || id == 2, id -> false));
        assertEquals(Quorum.VoteResult.WON, joint.voteResult(id -> id != 5, id -> false));
    }

    @Test
    void learnersNeitherVoteNorCount() {
        Configuration c = Configuration.parse("voters 1,2,3 learners 4,5");
        assertFalse(c.isVoter(4));
        assertTrue(c.contains(4));
        assertFalse(c.hasMajority(id -> id == 1 || id == 4 || id == 5));
        assertEquals(List.of(1, 2, 3, 4, 5), java.util.Arrays.stream(c.members()).boxed().toList());
    }

    @Test
    void aSnapshotKeepsTheWholeConfigurationThroughItsBytes() {
        Snapshot s = new Snapshot(7, 2, new TreeMap<>(java.util.Map.of("a", "1")),
                Configuration.parse("joint 1,2,3 -> 1,2,4 learners 5"));
        Snapshot back = SnapshotCodec.decode(7, 2, SnapshotCodec.encode(s));
        assertEquals(s.config(), back.config());
        assertEquals(s.image(), back.image());
        Snapshot plain = new Snapshot(7, 2, new TreeMap<>(), List.of(1, 2, 3));
        assertEquals(4 + 12 + 4, SnapshotCodec.encode(plain).length, "a plain configuration is written as before");
    }

    /** Both optional parts after the image at once: the session table, then the full configuration. */
    @Test
    void aSnapshotKeepsSessionsAndAFullConfigurationTogether() {
        java.util.SortedMap<Integer, ClientSession> sessions = new TreeMap<>(java.util.Map.of(
                1, new ClientSession(4, "x"), 2, new ClientSession(1L << 33, null)));
        Configuration joint = Configuration.parse("joint 1,2,3 -> 1,2,4 learners 5");
        Snapshot s = new Snapshot(9, 3, new TreeMap<>(java.util.Map.of("k", "v")), joint, sessions);
        Snapshot back = SnapshotCodec.decode(9, 3, SnapshotCodec.encode(s));
        assertEquals(joint, back.config());
        assertEquals(sessions, back.sessions());
        assertEquals(s.image(), back.image());
        // Each part alone still reads back without the other.
        Snapshot onlyConfig = SnapshotCodec.decode(9, 3, SnapshotCodec.encode(new Snapshot(9, 3, new TreeMap<>(), joint)));
        assertEquals(joint, onlyConfig.config());
        assertTrue(onlyConfig.sessions().isEmpty());
        Snapshot onlySessions = SnapshotCodec.decode(9, 3, SnapshotCodec.encode(
                new Snapshot(9, 3, new TreeMap<>(), List.of(1, 2, 3), sessions)));
        assertEquals(sessions, onlySessions.sessions());
        assertEquals("voters 1,2,3", onlySessions.config().format());
    }

    private static Entry config(long term, String text) {
        return new Entry(term, Command.config(Configuration.parse(text)));
    }

    @Test
    void aConfigurationIsInForceWhenAppendedAndRevertsWhenCutOff() {
        TestNode t = TestNode.of(3, 3);
        t.node.receive(ae(1, 3, 1, 0, 0, List.of(TestNode.entry(1, 1), config(1, "voters 1,2,3 learners 4")), 0));
        assertEquals("voters 1,2,3 learners 4", t.node.raw().configuration().format(), "in force uncommitted");
        // A leader of term 2 never had it: its entry at index 2 replaces ours, and the boot configuration is back.
        t.node.receive(ae(2, 3, 2, 1, 1, List.of(TestNode.entry(2, 2)), 0));
        assertEquals("voters 1,2,3", t.node.raw().configuration().format());
    }

    @Test
    void aLearnerNeverStandsForElection() {
        TestNode t = TestNode.of(4, 3);
        t.node.receive(ae(1, 4, 1, 0, 0, List.of(config(1, "voters 1,2,3 learners 4")), 0));
        Effects fx = t.node.electionTimeout();
        assertEquals(Role.FOLLOWER, t.node.role());
        assertTrue(fx.messages().isEmpty(), "no RequestVote: " + fx.messages());
        assertEquals(Set.of(), Set.copyOf(fx.events()));
    }
}
