package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import raftlab.sim.Cluster;

/**
 * The liveness phase: after the faults, a healthy cluster settles, and one kept from settling is reported stuck,
 * apart from safety breaches, by explore and by the shrinker. The cluster is kept from settling here by a test hook
 * that splits the network again after the repair, so that no group holds a majority.
 */
@Timeout(60)
class LivenessTest {
    /** No group of three holds a majority of five. */
    private static final Consumer<Cluster> SPLIT = c -> c.network().partition(new int[] {0, 1, 1, 2, 2, 3});

    /** Without swarm testing: the default timing, so the bound is 20 x 300 ms. */
    private static ExploreOptions options(long time) {
        return ExplorerTest.options(time, null).withSwarm(false);
    }

    @Test
    void aHealthyClusterSettlesAfterEverySchedule() {
        for (long seed = 1; seed <= 4; seed++) {
            RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(seed, options(3000)));
            assertEquals(RunResult.Kind.OK, r.kind(), r.line());
        }
    }

    @Test
    void aClusterKeptFromAMajorityIsStuckNotUnsafe() {
        RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(1, options(3000)), SPLIT);
        assertEquals(RunResult.Kind.STUCK, r.kind(), r.line());
        assertEquals(RunResult.LIVENESS, r.property());
        assertTrue(r.failed());
        assertTrue(r.line().startsWith("seed 1: STUCK: after the faults ended, the cluster did not settle within 6000ms"
                + " (20 election timeouts): "), r.line());
    }

    @Test
    void theSettledStateIsOneFollowedLeaderNoWaitingClientAndEqualStateMachines() {
        Cluster c = new Cluster(raftlab.sim.ClusterConfig.defaults(3, 5));
        raftlab.check.History h = new raftlab.check.History();
        c.addListener(h);
        raftlab.check.Workload w = new raftlab.check.Workload(c, h, 2, 2, 50, 0);
        assertEquals("no leader", Liveness.unsettled(c, w, true));
        c.tick(1000);
        String busy = Liveness.unsettled(c, w, true);
        assertTrue(busy == null || busy.contains("waiting") || busy.contains("applied"), busy);
        w.drain();
        assertEquals(null, Liveness.settle(c, w, 3000, true));
        int leader = c.leader();
        c.crash(leader);
        assertEquals("no leader", Liveness.unsettled(c, w, true));
    }

    @Test
    void theShrinkerKeepsAStuckRunStuck() {
        // Stuck only while the schedule holds a partition fault: the shrinker must keep exactly that.
        Function<Scenario, RunResult> runner = s -> ScenarioRunner.run(s, s.faults().stream()
                .anyMatch(f -> f.kind() == FaultKind.PARTITION && f.at() < s.time()) ? SPLIT : c -> { });
        RunResult stuck = runner.apply(ScenarioGenerator.generate(2, options(3000)));
        assertEquals(RunResult.Kind.STUCK, stuck.kind(), stuck.line());
        RunResult shrunk = ScenarioShrinker.shrink(stuck, runner);
        assertEquals(RunResult.Kind.STUCK, shrunk.kind(), shrunk.line());
        List<Fault> left = shrunk.scenario().faults();
        assertEquals(1, left.size(), left.toString());
        assertEquals(FaultKind.PARTITION, left.get(0).kind());
        assertTrue(shrunk.scenario().time() < stuck.scenario().time(), "the schedule was not cut short: "
                + shrunk.scenario().time());
    }

    @Test
    void exploreCountsStuckRunsApartFromUnsafeOnes() {
        RunResult stuck = ScenarioRunner.run(ScenarioGenerator.generate(1, options(2000)), SPLIT);
        RunResult ok = ScenarioRunner.run(ScenarioGenerator.generate(2, options(2000)));
        Explorer.Report r = new Explorer.Report(1, 2, List.of(stuck), 2, stuck.events() + ok.events(), 4000, 0);
        assertEquals(1, r.count(RunResult.Kind.STUCK));
        assertEquals(0, r.count(RunResult.Kind.UNSAFE));
        assertEquals("explored seeds 1..2: 2 schedules, 1 failed (first: seed 1): 1 stuck", r.lines().get(1));
    }
}
