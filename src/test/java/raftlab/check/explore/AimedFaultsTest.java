package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import raftlab.lab.Lab;
import raftlab.raft.Bug;

/**
 * Aimed faults (isolate-leader, reboot-voter): chosen during the run, recorded as concrete, and worth having. Swarm
 * testing is off here, so that every schedule holds the aimed kind under test.
 */
@Timeout(120)
class AimedFaultsTest {
    static ExploreOptions all(Bug bug, boolean noop) {
        return new ExploreOptions(5, 10_000,
                FaultKind.parse("partition,crash,loss,reorder,dup,isolate-leader,reboot-voter"), 3, 3, 10, noop, bug,
                false);
    }

    /** The default kinds plus the one aimed at a bug. */
    static ExploreOptions withAimed(String aimed, int clients, Bug bug, boolean noop) {
        return new ExploreOptions(5, 10_000, FaultKind.parse(FaultKind.defaultLabels() + "," + aimed), clients, 3, 10,
                noop, bug, false);
    }

    @Test
    void theOtherLanesAreTheSameWithOrWithoutAimedFaults() {
        ExploreOptions without = new ExploreOptions(5, 10_000, FaultKind.parse("partition,crash,loss,reorder,dup"), 3,
                3, 10, true, null, false);
        for (long seed = 1; seed <= 5; seed++) {
            List<Fault> kept = new ArrayList<>();
            int aimed = 0;
            for (Fault f : ScenarioGenerator.generate(seed, all(null, true)).faults()) {
                if (f.kind().aimed()) {
                    aimed++;
                } else {
                    kept.add(f);
                }
            }
            assertTrue(aimed > 0, "seed " + seed + " has no aimed fault");
            assertEquals(ScenarioGenerator.generate(seed, without).faults(), kept);
        }
    }

    @Test
    void anAimedFaultHasNoCommandAndIsNoAction() {
        Fault f = new Fault(100, 500, FaultKind.ISOLATE_LEADER, "");
        assertThrows(IllegalStateException.class, f::startCommand);
        Scenario s = new Scenario(1, 3, 1000, 0, 3, 10, true, null, Timing.DEFAULT, List.of(f));
        assertEquals(List.of(), s.actions());
        assertEquals("100ms +500ms isolate-leader", f.describe());
    }

    @Test
    void firedFaultsAreRecordedConcretelyAndReplayTheSameRun() {
        int fired = 0;
        for (long seed = 1; seed <= 4; seed++) {
            for (Bug bug : new Bug[] {null, Bug.FORGET_VOTE}) {
                Scenario generated = ScenarioGenerator.generate(seed, all(bug, true));
                RunResult r = ScenarioRunner.run(generated);
                for (Fault f : r.scenario().faults()) {
                    assertFalse(f.kind().aimed(), "unresolved in the run's schedule: " + f);
                    if (!generated.faults().contains(f)) {
                        fired++;
                    }
                }
                // The concrete schedule, run again with nothing left to aim, is the same run event for event.
                RunResult again = ScenarioRunner.run(r.scenario());
                assertEquals(r.line(), again.line());
                assertEquals(r.events(), again.events());
                assertEquals(r.scenario(), again.scenario());
            }
        }
        assertTrue(fired > 0, "no aimed fault fired in 8 runs");
    }

    @Test
    void commitOldTermIsFoundWhenLeadersAreIsolated() {
        RunResult r = FirstFailure.among(30, withAimed("isolate-leader", 1, Bug.COMMIT_OLD_TERM, false));
        assertNotNull(r, "commit-old-term not found in seeds 1..30");
        assertEquals("Leader Completeness", r.property(), r.line());
        // The lab, given the recorded commands, reaches the same breach.
        Lab lab = new Lab();
        StringBuilder out = new StringBuilder();
        for (String cmd : r.scenario().commands()) {
            out.append(lab.execute(cmd).text());
        }
        assertTrue(out.toString().contains(r.breach().line()), "lab output lacks " + r.breach().line());
    }

    @Test
    void forgetVoteIsFoundWhenVotersReboot() {
        RunResult r = FirstFailure.among(60, withAimed("reboot-voter", 3, Bug.FORGET_VOTE, true));
        assertNotNull(r, "forget-vote not found in seeds 1..60");
        assertEquals("Election Safety", r.property(), r.line());
        assertEquals(r.line(), ScenarioRunner.run(r.scenario()).line());
    }

    @Test
    void withoutTheBugsTheAimedFaultsBreakNothing() {
        ExploreOptions isolating = withAimed("isolate-leader", 1, null, false);
        ExploreOptions rebooting = withAimed("reboot-voter", 3, null, true);
        assertEquals(List.of(), Explorer.explore(1, 20, isolating, 2, null).failures());
        assertEquals(List.of(), Explorer.explore(1, 20, rebooting, 2, null).failures());
    }
}
