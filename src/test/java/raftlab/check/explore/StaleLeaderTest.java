package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import raftlab.lab.Lab;
import raftlab.raft.Bug;
import raftlab.raft.ReadMode;

/**
 * The aimed {@code stale-leader} fault kind: it finds the two lease bugs that random faults do not
 * (lease-ignores-skew, vote-despite-leader), finds nothing without them, and is recorded as plain lab commands that
 * replay the same run. Seeds are scanned, not pinned: which seed fails first moves with any change to the runs.
 */
@Timeout(180)
class StaleLeaderTest {
    /** Lease reads with CheckQuorum, stale-leader faults only, swarm testing off (every schedule holds them). */
    static ExploreOptions lease(Bug bug, int clients, double rate) {
        return new ExploreOptions(5, 10_000, FaultKind.parse("stale-leader"), clients, 3, rate, true, bug, false)
                .withElections(false, true).withReads(ReadMode.LEASE);
    }

    /** The lab, given the run's recorded commands, finds the same history not linearizable. */
    static void replaysInTheLab(RunResult r) {
        Lab lab = new Lab();
        for (String cmd : r.scenario().commands()) {
            lab.execute(cmd);
            assertNull(lab.lastError(), cmd);
        }
        String check = lab.execute("check").text();
        assertTrue(check.contains("NOT LINEARIZABLE"), check);
    }

    @Test
    void leaseIgnoresSkewIsFoundWhenASlowLeaderIsLeftBehind() {
        RunResult r = FirstFailure.among(30, lease(Bug.LEASE_IGNORES_SKEW, 3, 10));
        assertNotNull(r, "lease-ignores-skew not found in seeds 1..30");
        assertEquals(RunResult.LINEARIZABILITY, r.property(), r.line());
        List<String> commands = r.scenario().commands();
        // The drift step as it was recorded: the leader's clock slow, the others fast, all within the drift bound.
        assertTrue(commands.stream().anyMatch(c -> c.matches("skew \\d+ 0\\.71")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.matches("get k1 --to \\d+")), commands.toString());
        RunResult again = ScenarioRunner.run(r.scenario());
        assertEquals(r.line(), again.line());
        assertEquals(r.events(), again.events());
        replaysInTheLab(r);
    }

    @Test
    void voteDespiteLeaderIsFoundWhenACutFollowerStands() {
        RunResult r = FirstFailure.among(30, lease(Bug.VOTE_DESPITE_LEADER, 1, 2));
        assertNotNull(r, "vote-despite-leader not found in seeds 1..30");
        assertEquals(RunResult.LINEARIZABILITY, r.property(), r.line());
        assertTrue(r.scenario().commands().stream().anyMatch(c -> c.matches("cut \\d+ \\d+")),
                r.scenario().commands().toString());
        assertEquals(r.line(), ScenarioRunner.run(r.scenario()).line());
        replaysInTheLab(r);
    }

    /** Without a bug the lease has run out before anyone else can lead: the same faults find nothing. */
    @Test
    void withoutABugTheOldLeaderServesNothingStale() {
        int fired = 0;
        for (ExploreOptions o : new ExploreOptions[] {lease(null, 3, 10), lease(null, 1, 2)}) {
            for (long seed = 1; seed <= 8; seed++) {
                RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(seed, o));
                assertFalse(r.failed(), r.line());
                for (Fault f : r.scenario().faults()) {
                    fired += f.kind() == FaultKind.REQUEST && f.arg().startsWith("get") ? 1 : 0;
                }
            }
        }
        assertTrue(fired > 0, "no stale-leader fault reached its read in 16 runs");
    }

    /** ReadIndex confirms every read with a round, so no clock or vote matters: a stale leader waits. */
    @Test
    void readIndexIsSafeUnderTheSameFaultsWithEitherBug() {
        for (Bug bug : new Bug[] {Bug.LEASE_IGNORES_SKEW, Bug.VOTE_DESPITE_LEADER}) {
            ExploreOptions o = lease(bug, 1, 2).withReads(ReadMode.READINDEX);
            for (long seed = 1; seed <= 4; seed++) {
                RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(seed, o));
                assertFalse(r.failed(), bug.label + ": " + r.line());
            }
        }
    }

    @Test
    void stepsAreRecordedAsPlainCommands() {
        Set<FaultKind> seen = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(seed, lease(null, 1, 2)));
            for (Fault f : r.scenario().faults()) {
                assertFalse(f.kind().aimed(), f.toString());
                seen.add(f.kind());
            }
        }
        assertEquals(Set.of(FaultKind.SKEW, FaultKind.PARTITION, FaultKind.CUT, FaultKind.REQUEST), seen);
        assertEquals("0.71", StaleLeaderFaults.rate(false));
        assertEquals("1.41", StaleLeaderFaults.rate(true));
        assertNotNull(FaultKind.byLabel("stale-leader"));
    }
}
