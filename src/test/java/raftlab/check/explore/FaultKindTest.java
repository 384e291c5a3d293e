package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            if (k.aimed() || k == FaultKind.TRANSFER) {
                continue; // aimed kinds choose their moment; a transfer needs a leader and is checked below
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

    /** A transfer, a one-off action, does what {@code transfer N} does: the same node leads afterwards. */
    @Test
    void aTransferDoesWhatItsCommandDoes() {
        Lab byCommand = new Lab();
        Lab byHand = new Lab();
        byCommand.execute("tick 400");
        byHand.execute("tick 400");
        int leader = byHand.cluster().leader();
        String target = Integer.toString(leader % 5 + 1);
        byCommand.execute(FaultKind.TRANSFER.startCommand(target));
        assertNull(byCommand.lastError());
        FaultKind.TRANSFER.start(byHand.cluster(), target);
        byCommand.execute("tick 100");
        byHand.execute("tick 100");
        assertEquals(Integer.parseInt(target), byHand.cluster().leader(), "the target leads");
        assertEquals(byCommand.execute("status").text(), byHand.execute("status").text());
        // With no leader, the command refuses and the kind does nothing, leaving the cluster as it was.
        Lab idle = new Lab();
        String before = idle.execute("status").text();
        FaultKind.TRANSFER.start(idle.cluster(), "2");
        assertEquals(before, idle.execute("status").text());
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

    /**
     * The four "what it does" methods throw unless a kind defines them; only aimed kinds may leave them so, and the
     * recorded steps of aimed faults, whose argument is the lab command itself.
     */
    @Test
    void everyConcreteKindDefinesWhatItDoes() throws NoSuchMethodException {
        java.util.List<java.lang.reflect.Method> doing = java.util.List.of(
                FaultKind.class.getDeclaredMethod("start", raftlab.sim.Cluster.class, String.class),
                FaultKind.class.getDeclaredMethod("end", raftlab.sim.Cluster.class, String.class, Timing.class),
                FaultKind.class.getDeclaredMethod("startCommand", String.class),
                FaultKind.class.getDeclaredMethod("endCommand", String.class, Timing.class));
        for (FaultKind k : FaultKind.values()) {
            for (java.lang.reflect.Method m : doing) {
                boolean own = k.getClass() != FaultKind.class && declares(k.getClass(), m);
                boolean inherits = k.aimed() || k.recordedStep(); // a recorded step is its own command
                assertEquals(!inherits, own, k.label + (inherits ? " inherits but defines " : " does not define ")
                        + m.getName());
            }
        }
    }

    private static boolean declares(Class<?> c, java.lang.reflect.Method m) {
        try {
            c.getDeclaredMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void everyKindIsParsedByItsLabel() {
        for (FaultKind k : FaultKind.values()) {
            assertEquals(java.util.Set.of(k), FaultKind.parse(k.label));
        }
    }

    /** A recorded step is its own lab command: it does what the command does, at one moment, and is never drawn. */
    @Test
    void aRecordedStepIsTheCommandItRecords() {
        Lab byCommand = new Lab();
        Lab byHand = new Lab();
        byCommand.execute("tick 400");
        byHand.execute("tick 400");
        int leader = byHand.cluster().leader();
        String command = "put k1 v --to " + leader;
        byCommand.execute(command);
        FaultKind.REQUEST.start(byHand.cluster(), command);
        byCommand.execute("tick 50");
        byHand.execute("tick 50");
        String after = byHand.execute("status").text();
        assertEquals(byCommand.execute("status").text(), after);
        assertTrue(byHand.cluster().node(leader).stateMachine().view().containsKey("k1"), after);
        assertEquals(command, FaultKind.REQUEST.startCommand(command));
        assertTrue(FaultKind.REQUEST.instant() && FaultKind.CHANGE.instant());
        assertEquals(0, FaultKind.CHANGE.lanes(5));
        assertFalse(FaultKind.parse(FaultKind.defaultLabels()).contains(FaultKind.CHANGE));
    }

    /**
     * A partition's groups: read in one pass when plain, and anything else read as before (split and parseInt),
     * failing the same way.
     */
    @Test
    void partitionGroupsAreReadAsTheCommandWritesThem() {
        assertEquals("[0, 1, 2, 1, 2, 2]", java.util.Arrays.toString(FaultKind.groups("1,3 2,4,5", 5)));
        assertEquals("[0, 2, 1, 1, 1, 1]", java.util.Arrays.toString(FaultKind.groups("2,3,4,5 1", 5)));
        assertEquals("[0, 1, 2, 0]", java.util.Arrays.toString(FaultKind.groups("1 2 ", 3))); // split drops the end
        assertEquals("[0, 1, 2, 0]", java.util.Arrays.toString(FaultKind.groups("01 2", 3)));
        assertThrows(NumberFormatException.class, () -> FaultKind.groups("1  2", 3));
        assertThrows(NumberFormatException.class, () -> FaultKind.groups("1,,2", 3));
        assertThrows(NumberFormatException.class, () -> FaultKind.groups("1,x", 3));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> FaultKind.groups("1 4", 3));
    }
}
