package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.FaultKind;
import raftlab.check.explore.RunResult;
import raftlab.check.explore.ScenarioGenerator;
import raftlab.check.explore.ScenarioRunner;
import raftlab.raft.Bug;
import raftlab.sim.InFlight;

/**
 * Reads without log entries (issue 11): ReadIndex at the leader and through a follower, lease reads, and the two read
 * bugs, each caught by the linearizability checker.
 */
class ReadsTest {
    private static Lab elected(String cluster) {
        Lab lab = new Lab();
        lab.execute(cluster);
        lab.execute("tick 400");
        lab.execute("put x 1");
        lab.execute("tick 100");
        return lab;
    }

    @Test
    void aReadIndexReadAddsNoEntryAndWaitsForAHeartbeatRound() {
        Lab lab = elected("cluster 3 --seed 1");
        int leader = lab.cluster().leader();
        long last = lab.cluster().node(leader).log().lastIndex();
        lab.execute("hold on");
        String asked = lab.execute("get x").text();
        assertFalse(asked.contains("ok"), "no answer before the round is confirmed: " + asked);
        assertEquals(2, lab.cluster().inFlight().size(), "one numbered heartbeat to each follower");
        for (InFlight m : lab.cluster().inFlight()) {
            assertTrue(m.message.fields().contains("read=1"), m.message.fields());
        }
        String answered = lab.execute("stabilize").text();
        assertTrue(answered.contains("get x: ok at read index 2 (heartbeat round 1), value \"1\""), answered);
        assertEquals(last, lab.cluster().node(leader).log().lastIndex(), "the get is no log entry");
    }

    @Test
    void withReadsLogAGetIsAnEntry() {
        Lab lab = elected("cluster 3 --seed 1 --reads log");
        int leader = lab.cluster().leader();
        long last = lab.cluster().node(leader).log().lastIndex();
        String out = lab.execute("get x").text();
        assertTrue(out.contains("accepted at index " + (last + 1)), out);
        assertEquals(last + 1, lab.cluster().node(leader).log().lastIndex());
    }

    @Test
    void aFollowerAsksTheLeaderForTheReadIndexAndAnswersFromItsOwnState() {
        Lab lab = elected("cluster 3 --seed 1");
        int leader = lab.cluster().leader();
        int follower = leader % 3 + 1;
        lab.execute("hold on");
        lab.execute("get x --to " + follower);
        assertEquals(1, lab.cluster().inFlight().size());
        InFlight ask = lab.cluster().inFlight().get(0);
        assertEquals("ReadIndex", ask.message.type());
        assertEquals(leader, ask.message.to());
        String out = lab.execute("stabilize").text();
        assertTrue(out.contains("ok at read index 2 from leader n" + leader + ", value \"1\""), out);
        assertTrue(lab.execute("check").text().contains("is linearizable"));
    }

    @Test
    void aFollowerThatKnowsNoLeaderRefuses() {
        Lab lab = new Lab();
        lab.execute("cluster 3 --seed 1");
        String out = lab.execute("get x --to 2").text();
        assertTrue(out.contains("refused, n2 is a follower and knows no leader"), out);
    }

    @Test
    void aLeaseReadIsAnsweredAtOnceWhileTheLeaseHolds() {
        Lab lab = elected("cluster 3 --seed 1 --checkquorum --reads lease");
        int leaseReads = 0;
        int roundReads = 0;
        for (int i = 0; i < 50; i++) {
            lab.execute("tick 3");
            String out = lab.execute("get x").text();
            if (out.contains("(lease)")) {
                leaseReads++; // answered in the same instant, with no message
            } else {
                roundReads++; // the lease had run out: a round of heartbeats first
            }
        }
        assertTrue(leaseReads > 0 && roundReads > 0, leaseReads + " lease reads, " + roundReads + " by a round");
        lab.execute("tick 100");
        assertTrue(lab.execute("check").text().contains("is linearizable"));
    }

    @Test
    void leaseReadsNeedCheckQuorum() {
        Lab lab = new Lab();
        Output out = lab.execute("cluster 3 --reads lease");
        assertTrue(out.text().startsWith("error: --reads lease needs --checkquorum"), out.text());
    }

    /** The old leader of a partition, cut off alone: a new leader takes a write, then a read goes to the old one. */
    private static String staleReadAfterPartition(String cluster, String... setup) {
        Lab lab = elected(cluster);
        for (String line : setup) {
            lab.execute(line);
        }
        lab.execute("tick 100"); // the skewed clocks arm their timers
        int old = lab.cluster().leader();
        // Cut it off just after a heartbeat round was answered: its lease is as fresh as it gets.
        for (int t = 0; t < 1000 && !heartbeatInFlight(lab, old); t++) {
            lab.execute("tick 1");
        }
        lab.execute("tick 10");
        StringBuilder rest = new StringBuilder();
        for (int id = 1; id <= 3; id++) {
            if (id != old) {
                rest.append(rest.length() == 0 ? "" : ",").append(id);
            }
        }
        lab.execute("partition " + old + " " + rest);
        int fresh = 0;
        for (int t = 0; t < 600 && fresh == 0; t++) {
            lab.execute("tick 1");
            for (int id = 1; id <= 3; id++) {
                if (id != old && lab.cluster().isUp(id) && lab.cluster().node(id).role() == raftlab.raft.Role.LEADER) {
                    fresh = id;
                }
            }
        }
        assertTrue(fresh != 0, "no new leader");
        lab.execute("tick 5");
        String put = lab.execute("put x 2 --to " + fresh).text() + lab.execute("tick 20").text();
        assertTrue(put.contains("put x=2: ok"), put);
        lab.execute("get x --to " + old);
        lab.execute("tick 5");
        return lab.execute("check").text();
    }

    private static boolean heartbeatInFlight(Lab lab, int leader) {
        for (InFlight m : lab.cluster().inFlight()) {
            if (m.message.from() == leader && m.message instanceof raftlab.raft.AppendEntries) {
                return true;
            }
        }
        return false;
    }

    @Test
    void readWithoutQuorumLetsTheOldLeaderOfAPartitionServeAStaleValue() {
        String without = staleReadAfterPartition("cluster 3 --seed 1");
        assertTrue(without.contains("is linearizable"), without);
        String with = staleReadAfterPartition("cluster 3 --seed 1", "bug read-without-quorum on");
        assertTrue(with.startsWith("NOT LINEARIZABLE"), with);
        assertTrue(with.contains("get(x) -> \"1\""), with);
    }

    private static final String[] SKEWED_IN_BOUND = {"skew 1 0.71", "skew 2 1.41", "skew 3 1.41"};

    @Test
    void leaseIgnoresSkewServesAStaleReadWithClocksWithinTheBound() {
        String lease = "cluster 3 --seed 1 --checkquorum --reads lease";
        String correct = staleReadAfterPartition(lease, SKEWED_IN_BOUND);
        assertTrue(correct.contains("is linearizable"), correct);
        String[] withBug = {"bug lease-ignores-skew on", SKEWED_IN_BOUND[0], SKEWED_IN_BOUND[1], SKEWED_IN_BOUND[2]};
        String buggy = staleReadAfterPartition(lease, withBug);
        assertTrue(buggy.startsWith("NOT LINEARIZABLE"), buggy);
    }

    @Test
    void beyondTheDriftBoundEvenACorrectLeaseGoesStale() {
        String lease = "cluster 3 --seed 1 --checkquorum --reads lease";
        // n1's clock runs 4 times slower than the others', beyond the bound of 2 the lease assumes. (Heartbeats every
        // 20 ms, so that the slow leader's still come often enough to keep the fast followers from electing anyone.)
        String fast = lease + " --heartbeat 20";
        String out = staleReadAfterPartition(fast, "skew 1 0.35", "skew 2 1.41", "skew 3 1.41");
        assertTrue(out.startsWith("NOT LINEARIZABLE"), out);
        // Assuming a bound of 5 instead keeps the lease short enough for these clocks.
        String wider = staleReadAfterPartition(fast + " --max-drift 5", "skew 1 0.35", "skew 2 1.41", "skew 3 1.41");
        assertTrue(wider.contains("is linearizable"), wider);
    }

    @Test
    void exploreFindsReadWithoutQuorum() {
        ExploreOptions o = new ExploreOptions(5, 10_000, FaultKind.parse(FaultKind.defaultLabels()), 3, 3, 10, true,
                Bug.READ_WITHOUT_QUORUM);
        RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(5, o)); // the first of 1..1000 that fails
        assertEquals(RunResult.Kind.NOT_LINEARIZABLE, r.kind(), r.line());
        ExploreOptions bugless = new ExploreOptions(5, 10_000, FaultKind.parse(FaultKind.defaultLabels()), 3, 3, 10,
                true, null);
        RunResult clean = ScenarioRunner.run(ScenarioGenerator.generate(5, bugless));
        assertFalse(clean.failed(), clean.line());
    }
}
