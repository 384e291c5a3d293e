package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import raftlab.lab.Lab;
import raftlab.sim.Cluster;
import raftlab.sim.SimRandom;

/**
 * Every fault kind, as its constant defines it: what it does to a cluster is what its lab command does, its end
 * undoes it, and what explore draws for it is a valid argument. A new kind is covered here without a new test.
 */
class FaultKindTest {
    /** What a fault can change: the network settings, which nodes are up, and where their snapshots end. */
    private static String state(Lab lab) {
        Cluster c = lab.cluster();
        StringBuilder up = new StringBuilder();
        for (int id = 1; id <= c.size(); id++) {
            up.append(c.isUp(id) ? "+" : "-").append(c.disk(id).log().snapshotIndex());
        }
        return lab.execute("net").text() + up;
    }

    @Test
    void eachConcreteKindDoesWhatItsCommandDoesAndItsEndUndoesIt() {
        for (FaultKind k : FaultKind.values()) {
            if (k.aimed()) {
                continue;
            }
            for (int lane = 0; lane < k.lanes(5); lane++) {
                Fault f = new Fault(0, 100, k, k.arg(new SimRandom(lane), 5, lane, 0.5));
                Lab byCommand = new Lab();
                Lab byHand = new Lab();
                if (k.instant()) {
                    byCommand.execute("tick 400"); // a snapshot needs something applied to replace
                    byHand.execute("tick 400");
                }
                String before = state(byHand);
                byCommand.execute(f.startCommand());
                assertNull(byCommand.lastError(), k.label + ": " + f.startCommand());
                k.start(byHand.cluster(), f.arg());
                String during = state(byHand);
                assertEquals(state(byCommand), during, k.label + " starts as `" + f.startCommand() + "` does");
                assertNotEquals(before, during, k.label + " changes nothing");
                if (k.instant()) {
                    continue; // nothing to undo
                }
                byCommand.execute(f.endCommand(Timing.DEFAULT));
                assertNull(byCommand.lastError(), k.label + ": " + f.endCommand(Timing.DEFAULT));
                k.end(byHand.cluster(), f.arg(), Timing.DEFAULT);
                assertEquals(state(byCommand), state(byHand), k.label + " ends as `" + f.endCommand(Timing.DEFAULT)
                        + "` does");
                assertEquals(before, state(byHand), k.label + "'s end restores the cluster");
            }
        }
    }

    @Test
    void drawnFaultsHaveSensibleLengthsAndHarderIntensitiesHitHarder() {
        for (FaultKind k : FaultKind.values()) {
            SimRandom r = new SimRandom(7);
            for (int i = 0; i < 50; i++) {
                assertTrue(k.gap(r) >= 1, k.label);
                assertTrue(k.length(r) >= 0, k.label);
            }
        }
        SimRandom r = new SimRandom(3);
        double mild = 0;
        double hard = 0;
        for (int i = 0; i < 200; i++) {
            mild += Double.parseDouble(FaultKind.LOSS.arg(r, 5, 0, 0));
            hard += Double.parseDouble(FaultKind.LOSS.arg(r, 5, 0, 1));
        }
        assertTrue(hard > 2 * mild, mild + " vs " + hard);
    }

    @Test
    void aimedKindsHaveNoCommandsAndBecomeConcreteFaults() {
        Lab lab = new Lab();
        lab.execute("tick 400");
        for (FaultKind k : FaultKind.values()) {
            if (!k.aimed()) {
                assertThrows(IllegalStateException.class, () -> k.fire(lab.cluster(), 10), k.label);
                continue;
            }
            assertThrows(IllegalStateException.class, () -> k.startCommand(""), k.label);
            Fault fired = k.fire(lab.cluster(), 10);
            assertTrue(fired == null || !fired.kind().aimed(), k.label + " became " + fired);
        }
    }

    @Test
    void everyKindIsParsedByItsLabel() {
        for (FaultKind k : FaultKind.values()) {
            assertEquals(java.util.Set.of(k), FaultKind.parse(k.label));
        }
    }
}
