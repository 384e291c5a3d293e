package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.FaultKind;
import raftlab.check.explore.RunResult;
import raftlab.check.explore.ScenarioGenerator;
import raftlab.check.explore.ScenarioRunner;
import raftlab.raft.Bug;

/**
 * Exactly-once clients: a request whose answer is lost is sent again with the same client id and sequence number; the
 * state machine applies it once, the history holds one operation, and with the bug no-dedup the checker refutes it.
 */
class ExactlyOnceTest {

    /** A 3-node cluster whose shell client uses the network; an append committed, its answer dropped, then retried. */
    private static Lab lostAnswer(boolean noDedup) {
        Lab lab = new Lab();
        run(lab, "cluster 3 --client-net");
        if (noDedup) {
            run(lab, "bug no-dedup on");
        }
        run(lab, "tick 400");
        run(lab, "hold on");
        run(lab, "append k x");
        run(lab, "deliver --type ClientRequest");
        run(lab, "tick 0"); // the leader sends the entry when the instant ends (batching)
        run(lab, "deliver --type AppendEntries");
        run(lab, "deliver --type AppendEntriesReply");
        String dropped = run(lab, "drop --type ClientReply");
        assertTrue(dropped.contains("ClientReply request=#1 ok index=2"), dropped);
        run(lab, "hold off");
        String retried = run(lab, "tick 600");
        assertTrue(retried.contains("c0 sends append k+=x (seq 1) to n2 as request #2, again (after #1)"), retried);
        run(lab, "get k");
        run(lab, "tick 100");
        return lab;
    }

    private static String run(Lab lab, String line) {
        Output o = lab.execute(line);
        assertFalse(lab.lastFailed() && !line.equals("check"), line + ": " + o.text());
        return o.text();
    }

    @Test
    void aRetriedAppendWhoseAnswerWasLostLandsOnce() {
        Lab lab = lostAnswer(false);
        int leader = lab.cluster().leader();
        assertEquals(Map.of("k", "x"), lab.cluster().node(leader).stateMachine().view());
        assertEquals(java.util.List.of("#1 c0 append(k, \"x\") ok [400, 929]", "#2 c0 get(k) -> \"x\" [1000, 1012]"),
                lab.clientHistory().lines(0), "one operation for all three attempts, invoked at the first");
        String check = run(lab, "check");
        assertTrue(check.contains("history of 2 operations is linearizable"), check);
    }

    @Test
    void withNoDedupTheAppendLandsTwiceAndTheCheckerRefutesIt() {
        Lab lab = lostAnswer(true);
        int leader = lab.cluster().leader();
        assertEquals(Map.of("k", "xx"), lab.cluster().node(leader).stateMachine().view());
        String check = lab.execute("check").text();
        assertTrue(check.contains("NOT linearizable") || check.contains("not linearizable"), check);
        assertTrue(check.contains("get(k) -> \"xx\""), check);
    }

    @Test
    void exploreFindsNoDedupAsANonLinearizableHistory() {
        ExploreOptions o = new ExploreOptions(5, 10_000, FaultKind.parse(FaultKind.defaultLabels()), 3, 3, 10, true,
                Bug.NO_DEDUP);
        RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(1, o));
        assertTrue(r.failed(), r.line());
        assertTrue(r.line().contains("NOT LINEARIZABLE"), r.line());
        RunResult clean = ScenarioRunner.run(ScenarioGenerator.generate(1, new ExploreOptions(5, 10_000,
                FaultKind.parse(FaultKind.defaultLabels()), 3, 3, 10, true, null)));
        assertFalse(clean.failed(), clean.line());
    }

    @Test
    void casSetsOrReportsWhatItFound() {
        Lab lab = new Lab();
        run(lab, "tick 400");
        run(lab, "put x 1");
        run(lab, "tick 50");
        String set = run(lab, "cas x 1 2") + run(lab, "tick 50");
        assertTrue(set.contains("cas x 1->2: ok at index 3, x held \"1\": set"), set);
        String unchanged = run(lab, "cas x 1 3") + run(lab, "tick 50");
        assertTrue(unchanged.contains("cas x 1->3: ok at index 4, but x held \"2\": unchanged"), unchanged);
        assertTrue(lab.clientHistory().lines(0).get(0).startsWith("#1 c0 put(x, \"1\") ok [400, "),
                lab.clientHistory().lines(0).toString());
        assertTrue(lab.clientHistory().lines(0).get(2).contains("cas(x, \"1\", \"3\") fail"),
                lab.clientHistory().lines(0).toString());
        String check = run(lab, "check");
        assertTrue(check.contains("history of 3 operations is linearizable"), check);
    }

    @Test
    void badInputGivesOneLineAndChangesNothing() {
        Lab lab = new Lab();
        run(lab, "tick 400");
        for (String line : new String[] {"cas x 1", "drop --from cx", "msgs --to c"}) {
            Output o = lab.execute(line);
            assertEquals(1, o.lines().size(), o.text());
            assertTrue(o.lines().get(0).startsWith("error: "), o.text());
        }
        assertTrue(lab.execute("drop --from cx").text().contains("'cx' is neither a node id nor a client (c0, c1, ...)"));
        assertEquals(0, lab.cluster().inFlight().stream().filter(m -> m.message.to() < 0).count());
    }

    /** The session table survives compaction and a restart from the snapshot: the retry is still recognised. */
    @Test
    void theSessionTableIsInTheSnapshotANodeRestartsFrom() {
        Lab lab = new Lab();
        for (String line : new String[] {"cluster 3 --client-net --snapshot-every 1", "tick 400", "hold on",
                "append k x", "deliver --type ClientRequest", "tick 0", "deliver --type AppendEntries",
                "deliver --type AppendEntriesReply", "drop --type ClientReply", "hold off", "tick 100",
                "crash 1", "crash 2", "crash 3", "restart 1", "restart 2", "restart 3"}) {
            run(lab, line);
        }
        for (int id = 1; id <= 3; id++) {
            assertEquals(Map.of(0, new raftlab.raft.ClientSession(1, null)), lab.cluster().disk(id).snapshot().sessions());
            assertEquals(0, lab.cluster().node(id).log().lastIndex() - lab.cluster().node(id).log().snapshotIndex());
        }
        String retried = run(lab, "tick 1000");
        assertTrue(retried.contains("append k+=x (c0 seq 1): ok at index 4"), retried);
        int leader = lab.cluster().leader();
        assertEquals(Map.of("k", "x"), lab.cluster().node(leader).stateMachine().view());
    }

    private static Lab lab(String... lines) {
        Lab lab = new Lab();
        for (String line : lines) {
            run(lab, line);
        }
        return lab;
    }

    /** A request the network duplicates is in the log twice and takes effect once. */
    @Test
    void aDuplicatedRequestIsAppliedOnce() {
        Lab lab = lab("cluster 3 --client-net", "tick 400", "hold on", "append k x", "dup #25",
                "deliver --type ClientRequest", "stabilize", "hold off", "tick 100");
        assertEquals(3, lab.cluster().node(1).log().lastIndex(), "noop and two copies of the append");
        assertEquals(Map.of("k", "x"), lab.cluster().node(2).stateMachine().view());
    }

    /**
     * A leader that crashes holding a request: the client hears nothing, times out, and sends it again; the entry the
     * crashed leader had sent out is committed by the next leader, and the retry is answered from the table.
     */
    @Test
    void aCrashedLeadersRequestTimesOutAndIsRetriedOnce() {
        Lab lab = lab("cluster 3 --client-net", "tick 400", "hold on", "append k y", "deliver --type ClientRequest",
                "tick 0", "crash 1", "hold off"); // tick 0: the instant ends and the batching leader sends the entry
        String out = run(lab, "tick 1500");
        assertTrue(out.contains("c0 sends append k+=y (seq 1) to n2 as request #2, again (after #1)"), out);
        assertTrue(out.contains("client #3 append k+=y (c0 seq 1): ok at index 4"), out);
        int leader = lab.cluster().leader();
        assertEquals("append k+=y", lab.cluster().node(leader).log().get(2).command().describe());
        assertEquals(Map.of("k", "y"), lab.cluster().node(leader).stateMachine().view());
        assertEquals(java.util.List.of("#1 c0 append(k, \"y\") ok [400, 934]"), lab.clientHistory().lines(0));
    }
}
