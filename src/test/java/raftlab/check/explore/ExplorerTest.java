package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.lab.Lab;
import raftlab.raft.Bug;

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
        RunResult failing = ScenarioRunner.run(ScenarioGenerator.generate(1, options(10_000, Bug.NO_UP_TO_DATE_CHECK)));
        assertTrue(failing.failed(), failing.line());
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
    void aMessageStormIsStoppedAndCountedNotHung() {
        // Duplication alone with truncate-on-stale-append sets off storms on some seeds; none may hang the run.
        ExploreOptions o = new ExploreOptions(5, 3000, FaultKind.parse("dup"), 2, 3, 10, true,
                Bug.TRUNCATE_ON_STALE_APPEND);
        Explorer.Report r = Explorer.explore(1, 4, o, 2, null);
        assertEquals(4, r.runs());
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
