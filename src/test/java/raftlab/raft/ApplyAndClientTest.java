package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestNode.ae;
import static raftlab.raft.TestNode.heartbeat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Committed entries are applied in order to the key-value store; clients hear OK, REDIRECT or FAILED. */
class ApplyAndClientTest {

    private static Command cmd(CommandKind k, String key, String value, long req) {
        return new Command(k, key, value, req);
    }

    @Test
    void kvStoreSemantics() {
        KvStore kv = new KvStore();
        assertNull(kv.apply(cmd(CommandKind.GET, "x", null, 1)), "absent key reads as null");
        assertNull(kv.apply(cmd(CommandKind.APPEND, "x", "a", 2)), "append to an absent key creates it");
        assertEquals("a", kv.apply(cmd(CommandKind.GET, "x", null, 3)));
        kv.apply(cmd(CommandKind.APPEND, "x", "b", 4));
        assertEquals("ab", kv.apply(cmd(CommandKind.GET, "x", null, 5)));
        kv.apply(cmd(CommandKind.PUT, "x", "z", 6));
        assertEquals("z", kv.apply(cmd(CommandKind.GET, "x", null, 7)));
        kv.apply(cmd(CommandKind.PUT, "a", "1", 8));
        assertEquals(List.of("a", "x"), List.copyOf(kv.view().keySet()), "sorted for printing");
        kv.apply(cmd(CommandKind.DELETE, "x", null, 9));
        assertNull(kv.apply(cmd(CommandKind.GET, "x", null, 10)));
        kv.apply(cmd(CommandKind.DELETE, "nothing", null, 11));
        assertNull(kv.apply(Command.NOOP));
        assertEquals(Map.of("a", "1"), kv.view());
    }

    @Test
    void followerAppliesCommittedEntriesInOrderAndNothingMore() {
        TestNode t = TestNode.of(2, 3).term(1);
        List<Entry> es = List.of(
                new Entry(1, cmd(CommandKind.PUT, "x", "1", 1)),
                new Entry(1, cmd(CommandKind.APPEND, "x", "2", 2)),
                new Entry(1, cmd(CommandKind.DELETE, "x", null, 3)));
        t.node.receive(ae(1, 2, 1, 0, 0, es, 0));
        assertEquals(0, t.node.lastApplied());
        assertTrue(t.node.kv().view().isEmpty(), "nothing is applied before it is committed");
        t.node.receive(heartbeat(1, 2, 1, 3, 1, 2));
        assertEquals(2, t.node.lastApplied());
        assertEquals(Map.of("x", "12"), t.node.kv().view(), "put then append, in log order");
        t.node.receive(heartbeat(1, 2, 1, 3, 1, 3));
        assertEquals(Map.of(), t.node.kv().view());
        List<NodeEvent> applies = t.env.eventsOf(EventKind.APPLY);
        assertEquals(2, applies.size());
        assertEquals(List.of(1L, 2L, 3L, 3L), List.of(applies.get(0).a(), applies.get(0).b(), applies.get(1).a(),
                applies.get(1).b()));
        assertTrue(t.env.replies.isEmpty(), "a follower did not accept these requests, so it answers nobody");
    }

    @Test
    void leaderAnswersAcceptedThenOkWithTheValueReadAfterCommit() {
        // Gets through the log (--reads log): each is an entry, answered when applied. ReadsTest covers the others.
        TestNode t = TestNode.of(1, 3, TestNode.SETTINGS.withReads(ReadMode.LOG, Settings.DEFAULT_MAX_DRIFT))
                .term(0).lead(1);
        t.node.receive(AppendEntriesReply.ok(2, 1, 1, 1));
        t.node.propose(cmd(CommandKind.PUT, "x", "1", 10));
        t.node.propose(cmd(CommandKind.GET, "x", null, 11));
        t.node.propose(cmd(CommandKind.GET, "y", null, 12));
        assertEquals(3, t.env.replies.size());
        assertTrue(t.env.replies.stream().allMatch(r -> r.status() == ClientReply.Status.ACCEPTED));
        t.env.replies.clear();
        t.node.receive(AppendEntriesReply.ok(2, 1, 1, 4));
        assertEquals(List.of(
                new ClientReply(10, ClientReply.Status.OK, 2, null, 0, null),
                new ClientReply(11, ClientReply.Status.OK, 3, "1", 0, null),
                new ClientReply(12, ClientReply.Status.OK, 4, null, 0, null)), t.env.replies);
    }

    @Test
    void followerRedirectsToTheLeaderItKnows() {
        TestNode t = TestNode.of(2, 3).term(1);
        t.node.propose(cmd(CommandKind.PUT, "x", "1", 5));
        ClientReply r = t.env.replies.get(0);
        assertEquals(ClientReply.Status.REDIRECT, r.status());
        assertEquals(0, r.leaderHint(), "no leader known yet");
        t.node.receive(heartbeat(3, 2, 1, 0, 0, 0));
        t.node.propose(cmd(CommandKind.PUT, "x", "1", 6));
        ClientReply r2 = t.env.replies.get(1);
        assertEquals(ClientReply.Status.REDIRECT, r2.status());
        assertEquals(3, r2.leaderHint());
        assertEquals(6, r2.requestId());
        assertEquals(0, t.node.log().lastIndex(), "a follower appends nothing for a client");
    }

    @Test
    void candidateRedirectsWithNoHint() {
        TestNode t = TestNode.of(2, 3).term(1);
        t.node.receive(heartbeat(3, 2, 1, 0, 0, 0));
        t.node.electionTimeout();
        t.node.propose(cmd(CommandKind.PUT, "x", "1", 5));
        assertEquals(ClientReply.Status.REDIRECT, t.env.replies.get(0).status());
        assertEquals(0, t.env.replies.get(0).leaderHint(), "the old leader's term is over");
    }

    @Test
    void failedWhenTheIndexEndsUpHoldingAnotherEntry() {
        TestNode t = TestNode.of(1, 3).term(1).lead(2); // no-op at 1
        t.node.propose(cmd(CommandKind.PUT, "x", "mine", 7)); // index 2, never replicated
        t.env.replies.clear();
        // n2 leads term 3 and puts its own entry at index 2, committed.
        Entry theirs = new Entry(3, cmd(CommandKind.PUT, "x", "theirs", 8));
        t.node.receive(ae(2, 1, 3, 1, 2, List.of(theirs), 2));
        assertEquals(Role.FOLLOWER, t.node.role());
        assertEquals(1, t.env.replies.size());
        ClientReply r = t.env.replies.get(0);
        assertEquals(7, r.requestId());
        assertEquals(ClientReply.Status.FAILED, r.status());
        assertEquals(2, r.index());
        assertEquals(Map.of("x", "theirs"), t.node.kv().view());
    }

    @Test
    void aRequestWhoseIndexIsReusedByTheSameNodeIsStillAnswered() {
        // Without the no-op, a node can lose its entry to a shorter log from a later leader and, leading again,
        // put a new request at the same index: the first request must then hear FAILED, not nothing.
        TestNode t = TestNode.of(1, 3, new Settings(150, 300, 50, false, 64)).term(0).lead(1);
        t.node.propose(cmd(CommandKind.PUT, "x", "a", 1)); // index 1
        t.node.propose(cmd(CommandKind.PUT, "x", "b", 2)); // index 2
        t.node.receive(ae(2, 1, 2, 0, 0, List.of(new Entry(2, cmd(CommandKind.PUT, "y", "c", 3))), 0));
        assertEquals(1, t.node.log().lastIndex(), "both of ours gave way to n2's one entry");
        t.node.electionTimeout();
        t.node.receive(new RequestVoteReply(3, 1, 3, true));
        assertEquals(Role.LEADER, t.node.role());
        t.env.replies.clear();
        t.node.propose(cmd(CommandKind.PUT, "x", "d", 4)); // index 2 again
        t.node.receive(AppendEntriesReply.ok(3, 1, 3, 2));
        assertEquals(2, t.node.lastApplied());
        List<Long> answered = t.env.replies.stream().filter(r -> r.status() != ClientReply.Status.ACCEPTED)
                .map(ClientReply::requestId).sorted().toList();
        assertEquals(List.of(1L, 2L, 4L), answered, "requests 1 and 2 failed, 4 succeeded: " + t.env.replies);
    }

    @Test
    void aRequestCutFromTheLeadersLogIsNotFailedWhileItsEntryMayStillCommit() {
        // The case of issue 8: n1 loses s from its log and puts z at s's index; another leader kept s and commits it.
        TestNode t = TestNode.of(1, 3, new Settings(150, 300, 50, false, 64)).term(0).lead(1);
        Command p = cmd(CommandKind.PUT, "p", "1", 1);
        Command s = cmd(CommandKind.PUT, "s", "1", 2);
        t.node.propose(p); // index 1
        t.node.propose(s); // index 2
        t.node.receive(ae(2, 1, 2, 0, 0, List.of(new Entry(2, cmd(CommandKind.PUT, "t", "1", 3))), 0));
        assertEquals(1, t.node.log().lastIndex(), "n2's entry of term 2 replaced p and s");
        t.node.electionTimeout();
        t.node.receive(new RequestVoteReply(3, 1, 3, true));
        assertEquals(Role.LEADER, t.node.role());
        t.env.replies.clear();
        t.node.propose(cmd(CommandKind.PUT, "z", "1", 4)); // index 2, where s was
        assertEquals(List.of(ClientReply.Status.ACCEPTED),
                t.env.replies.stream().map(ClientReply::status).toList(), "s is not answered: its fate is open");
        // n3, which kept p and s, leads term 4 and commits them with an entry of its own.
        t.env.replies.clear();
        List<Entry> n3Log = List.of(new Entry(1, p), new Entry(1, s), new Entry(4, cmd(CommandKind.PUT, "w", "1", 5)));
        t.node.receive(ae(3, 1, 4, 0, 0, n3Log, 3));
        Map<Long, ClientReply.Status> outcome = new java.util.TreeMap<>();
        t.env.replies.forEach(r -> outcome.put(r.requestId(), r.status()));
        assertEquals(Map.of(1L, ClientReply.Status.OK, 2L, ClientReply.Status.OK, 4L, ClientReply.Status.FAILED),
                outcome, "s took effect after all; z, at the same index, did not");
    }
}
