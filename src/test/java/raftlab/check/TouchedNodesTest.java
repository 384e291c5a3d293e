package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.FaultKind;
import raftlab.check.explore.RunResult;
import raftlab.check.explore.ScenarioGenerator;
import raftlab.check.explore.ScenarioRunner;
import raftlab.check.invariant.Watch;
import raftlab.raft.Bug;
import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.raft.DiskWrite;
import raftlab.raft.Entry;
import raftlab.raft.PersistentState;
import raftlab.raft.ReadMode;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/**
 * The safety monitor compares only the nodes the cluster says an event touched ({@link Cluster#touches}); a change
 * the cluster does not count would be a breach no one sees. In the tests every look also compares the untouched
 * nodes and throws if one of them changed ({@link Watch#verifying}), and the durable logs the monitor did not count
 * again are checked in the same way; so explore-like runs of every kind prove the counts complete, and a change made
 * behind the cluster's back shows that the proof can fail.
 */
@Timeout(300)
class TouchedNodesTest {
    private static final String ALL_KINDS = "partition,crash,loss,reorder,dup,power-loss,compact,skew,transfer,"
            + "membership,change-split,stale-leader";

    @Test
    void testsRunWithTheProofOn() {
        // Surefire runs with assertions enabled; without them the tests below would prove nothing.
        assertTrue(Watch.verifying(), "run the tests with -ea: Watch compares untouched nodes only then");
    }

    /**
     * Random schedules with every fault kind (power loss with disks slower than the network, crashes and restarts,
     * joins, removals, snapshots, transfers), with and without bugs that break safety: no untouched node changes.
     */
    @Test
    void inRandomSchedulesOnlyTouchedNodesChange() {
        List<ExploreOptions> runs = List.of(
                new ExploreOptions(5, 10_000, FaultKind.parse(ALL_KINDS), 3, 3, 10, true, null)
                        .withElections(true, true).withReads(ReadMode.LEASE).withSnapshotEvery(20),
                new ExploreOptions(3, 10_000, FaultKind.parse("partition,crash,loss,reorder,dup,power-loss"), 2, 3,
                        10, true, Bug.ACK_BEFORE_PERSIST),
                new ExploreOptions(4, 10_000, FaultKind.parse("membership,partition,isolate-leader,crash,loss"), 2,
                        3, 10, false, null, false),
                new ExploreOptions(3, 10_000, FaultKind.parse("partition,crash,loss,reorder,dup,compact"), 2, 3, 10,
                        true, Bug.INSTALL_DISCARDS_SUFFIX).withSnapshotEvery(20));
        int failed = 0;
        long events = 0;
        for (ExploreOptions o : runs) {
            for (long seed = 1; seed <= 40; seed++) {
                RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(seed, o)); // throws if a change is missed
                failed += r.failed() ? 1 : 0;
                events += r.events();
            }
        }
        assertTrue(events > 100_000, "the runs did little: " + events + " events");
        assertTrue(failed > 0, "the bugs broke nothing: the runs did not reach the states they are for");
    }

    /** A disk written behind the cluster's back (only a test can) is a change the proof catches at the next event. */
    @Test
    void aChangeTheClusterDidNotCountIsCaught() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 1));
        SafetyMonitor m = new SafetyMonitor(c);
        c.addListener(m);
        c.tick(500);
        PersistentState disk = c.disk(2);
        disk.apply(new DiskWrite(disk.currentTerm(), disk.votedFor(), disk.log().lastIndex(),
                List.of(new Entry(disk.currentTerm(), new Command(CommandKind.PUT, "x", "1", 99)))));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.tick(500));
        assertTrue(e.getMessage().startsWith("n2 changed during `"), e.getMessage());
        assertTrue(e.getMessage().endsWith("the safety checks would have missed it"), e.getMessage());
    }

    /** The same change on a cluster of nodes the lab does not know (a wrapped node): every node is compared. */
    @Test
    void nodesOfAnotherImplementationAreAlwaysCompared() {
        Cluster c = Tamper.cluster(ClusterConfig.defaults(3, 1));
        SafetyMonitor m = new SafetyMonitor(c);
        c.addListener(m);
        c.tick(500);
        Tamper.truncate(c, 2, 1); // n2 loses its whole log, committed entries included, with no step
        assertThrows(SafetyBreach.class, () -> c.tick(500));
        // Seen at the next event, whichever node it touches (here n1's heartbeat timer).
        assertTrue(m.breaches().stream().anyMatch(b -> b.property().equals(SafetyMonitor.COMMITTED_KEPT)
                && b.detail().startsWith("n2 removed or replaced index 1")), m.breaches().toString());
    }
}
