package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.FaultKind;
import raftlab.check.explore.RunResult;
import raftlab.check.explore.ScenarioGenerator;
import raftlab.check.explore.ScenarioRunner;
import raftlab.lab.Lab;
import raftlab.raft.Bug;

/** The snapshot bugs break what they are known for under explore with snapshots on; the same runs are safe without. */
class SnapshotBugsTest {
    private static ExploreOptions withSnapshots(Bug bug) {
        return new ExploreOptions(5, 10_000, FaultKind.parse("partition,crash,loss,reorder,dup,compact"), 3, 3, 10,
                true, bug, false).withSnapshotEvery(20); // --swarm off, as the README's first column
    }

    private static RunResult run(long seed, Bug bug) {
        return ScenarioRunner.run(ScenarioGenerator.generate(seed, withSnapshots(bug)));
    }

    @Test
    void snapshotUncommittedPutsUncommittedEntriesInASnapshot() {
        RunResult r = run(1, Bug.SNAPSHOT_UNCOMMITTED);
        // Applying entries into the image before the node knows them committed breaks Applied <= Committed at once;
        // a snapshot beyond every entry stored on a majority also breaks Snapshot Holds Committed Entries.
        assertTrue(java.util.Set.of(SafetyMonitor.APPLIED_COMMITTED, SafetyMonitor.SNAPSHOT_COMMITTED)
                .contains(r.property()), r.line());
    }

    @Test
    void snapshotWrongTermRecordsATermTheCommittedEntryDoesNotHave() {
        RunResult r = run(1, Bug.SNAPSHOT_WRONG_TERM);
        assertEquals(SafetyMonitor.SNAPSHOT_COMMITTED, r.property(), r.line());
    }

    @Test
    void installDiscardsSuffixLosesACommittedEntry() {
        // The first of 1..1000 that fails: `explore --seeds 1..1000 --swarm off --faults
        // partition,crash,loss,reorder,dup,compact --snapshot-every 20 --bug install-discards-suffix`.
        RunResult r = run(32, Bug.INSTALL_DISCARDS_SUFFIX);
        assertEquals(SafetyMonitor.DURABLE_COMMIT, r.property(), r.line());
    }

    @Test
    void theSameRunsAreSafeWithNoBug() {
        for (long seed : new long[] {1, 111}) {
            RunResult r = run(seed, null);
            assertFalse(r.failed(), r.line());
        }
    }

    @Test
    void theCompactFaultReplaysAsSnapshotCommands() {
        var s = ScenarioGenerator.generate(1, withSnapshots(null));
        assertTrue(s.commands().get(0).endsWith("--snapshot-every 20"), s.commands().get(0));
        assertTrue(s.commands().stream().anyMatch(c -> c.startsWith("snapshot ")), s.commands().toString());
    }

    @Test
    void theLabSwitchesThemOnByName() {
        Lab lab = new Lab();
        lab.execute("bug snapshot-uncommitted on");
        String out = lab.execute("tick 400").text() + lab.execute("hold on").text() + lab.execute("put x 1").text()
                + lab.execute("snapshot " + lab.cluster().leader()).text();
        assertTrue(out.contains("SAFETY BREACH: " + SafetyMonitor.SNAPSHOT_COMMITTED), out);
    }
}
