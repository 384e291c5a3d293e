package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import raftlab.lab.Lab;
import raftlab.raft.Bug;

@Timeout(120)
class ExplorerTest {
    static ExploreOptions options(long time, Bug bug) {
        return new ExploreOptions(5, time, FaultKind.parse(FaultKind.defaultLabels()), 3, 3, 10, true, bug);
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertEquals(ScenarioGenerator.generate(42, options(10_000, null)),
                ScenarioGenerator.generate(42, options(10_000, null)));
        assertFalse(ScenarioGenerator.generate(42, options(10_000, null)).faults()
                .equals(ScenarioGenerator.generate(43, options(10_000, null)).faults()));
    }

    @Test
    void outputIsTheSameWithOneAndTwoThreads() {
        for (Bug bug : new Bug[] {null, Bug.NAIVE_SEED}) {
            List<String> one = Explorer.explore(1, 12, options(2000, bug), 1, null).lines();
            List<String> two = Explorer.explore(1, 12, options(2000, bug), 2, null).lines();
            assertEquals(one, two);
            assertTrue(one.get(one.size() - 1).startsWith("explored seeds 1..12: 12 schedules"), one.toString());
        }
    }

    @Test
    void healthyRaftSurvivesAFewSchedules() {
        Explorer.Report r = Explorer.explore(1, 6, options(5000, null), 2, null);
        assertEquals(List.of(), r.failures());
        assertEquals(6, r.runs());
    }

    @Test
    void shrinkingKeepsTheFailureAndMakesTheScheduleSmaller() {
        RunResult failing = FirstFailure.among(20, options(10_000, Bug.NO_UP_TO_DATE_CHECK));
        assertTrue(failing != null && failing.failed(), "no failure in seeds 1..20");
        RunResult shrunk = ScenarioShrinker.shrink(failing);
        assertTrue(shrunk.failed());
        assertEquals(failing.property(), shrunk.property());
        Scenario a = failing.scenario();
        Scenario b = shrunk.scenario();
        assertTrue(b.faults().size() < a.faults().size() || b.time() < a.time() || b.clients() < a.clients(),
                "nothing shrank: " + b);
        assertTrue(b.faults().size() <= a.faults().size() && b.time() <= a.time() && b.clients() <= a.clients());
        // The shrunk schedule is a real, repeatable failure.
        assertEquals(shrunk.line(), ScenarioRunner.run(b).line());
    }

    @Test
    void theLabReplaysAScenarioExactlyAsTheRunnerRanIt() {
        RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(2, options(4000, Bug.NAIVE_SEED)));
        assertTrue(r.breach() != null, r.line());
        Lab lab = new Lab();
        StringBuilder all = new StringBuilder();
        for (String cmd : r.scenario().commands()) {
            all.append(lab.execute(cmd).text());
        }
        assertTrue(all.toString().contains(r.breach().line()), "lab output lacks " + r.breach().line());
    }

    @Test
    void aRunOverTheEventBudgetIsStoppedAndCountedNotHung() {
        // Real storms (truncate-on-stale-append with duplication) no longer grow far: the monitor now stops those
        // runs at their first breach (0 of 300 seeds reached the budget). So the budget is made small enough here
        // that every run reaches it, and the test shows that such a run is stopped, counted and not a failure.
        ExploreOptions o = options(3000, null);
        Explorer.Report r = Explorer.explore(1, 4, o, 2, null, 500);
        assertEquals(4, r.runs());
        assertEquals(4, r.overBudget(), r.lines().toString());
        assertEquals(List.of(), r.failures());
        assertTrue(r.lines().get(0).endsWith("; 4 stopped at the event budget (message storms)"), r.lines().toString());
        RunResult one = ScenarioRunner.run(ScenarioGenerator.generate(1, o), c -> { }, 500);
        assertEquals(RunResult.Kind.OVER_BUDGET, one.kind());
        assertEquals(500, one.events());
        assertEquals("seed 1: stopped after 500 events, the event budget (a message storm)", one.line());
    }

    @Test
    void faultKindsAreParsedOrRejectedByName() {
        assertEquals(5, FaultKind.parse("partition,crash,loss,reorder,dup").size());
        assertEquals(FaultKind.values().length, FaultKind.parse(FaultKind.labels()).size());
        assertTrue(FaultKind.parse("isolate-leader,reboot-voter").stream().allMatch(FaultKind::aimed));
        assertEquals(0, FaultKind.parse("none").size());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FaultKind.parse("crash,meteor"));
        assertTrue(e.getMessage().contains("unknown fault kind 'meteor'"), e.getMessage());
    }
}
