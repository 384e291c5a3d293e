package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link Scenario#actions()} skips sorting faults already in order and orders its actions by packed keys: the list
 * must be what sorting the faults and then stably sorting the actions by time gives, whatever order the faults come
 * in (same-time starts and ends included).
 */
class ScenarioActionsTest {
    /** The actions as the plain definition gives them: comparator sorts, both stable. */
    private static List<Scenario.Action> byDefinition(Scenario s) {
        List<Fault> sorted = new ArrayList<>(s.faults());
        sorted.sort(Comparator.comparingLong(Fault::at));
        long[] downUntil = new long[s.nodes() + 1];
        List<Scenario.Action> out = new ArrayList<>();
        for (Fault f : sorted) {
            if (f.at() >= s.time() || f.kind().aimed()) {
                continue;
            }
            int id = f.kind().heldDown(f.arg());
            if (id != 0) {
                if (f.at() <= downUntil[id]) {
                    continue;
                }
                downUntil[id] = f.end();
            }
            out.add(new Scenario.Action(f.at(), f, true));
            if (f.end() < s.time() && !f.kind().instant()) {
                out.add(new Scenario.Action(f.end(), f, false));
            }
        }
        out.sort(Comparator.comparingLong(Scenario.Action::time));
        return out;
    }

    @Test
    void generatedSchedulesInAnyOrderGiveTheDefinedActions() {
        ExploreOptions o = new ExploreOptions(5, 10_000, FaultKind.parse("partition,crash,loss,reorder,dup,"
                + "power-loss,compact,skew,transfer,isolate-leader,reboot-voter"), 3, 3, 10, true, null);
        Random shuffle = new Random(7);
        int reordered = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Scenario s = ScenarioGenerator.generate(seed, o);
            assertEquals(byDefinition(s), s.actions(), "seed " + seed);
            List<Fault> mixed = new ArrayList<>(s.faults());
            Collections.shuffle(mixed, shuffle);
            Scenario m = s.withFaults(mixed);
            List<Scenario.Action> actions = m.actions();
            assertEquals(byDefinition(m), actions, "seed " + seed + " shuffled");
            for (int i = 1; i < actions.size(); i++) {
                assertTrue(actions.get(i - 1).time() <= actions.get(i).time());
            }
            for (int i = 1; i < mixed.size(); i++) {
                if (mixed.get(i - 1).at() > mixed.get(i).at()) {
                    reordered++; // the faults really came out of order: the sorting path ran
                    break;
                }
            }
        }
        assertTrue(reordered > 100, "shuffled schedules out of order: " + reordered);
    }

    @Test
    void sameTimeActionsKeepTheirOrder() {
        // Two faults start at 100; the first ends at 200 when the third starts: its end comes first (it was added
        // first), and the starts at 100 keep the faults' order.
        Fault a = new Fault(100, 100, FaultKind.LOSS, "0.3");
        Fault b = new Fault(100, 50, FaultKind.DUP, "0.2");
        Fault c = new Fault(200, 10, FaultKind.REORDER, "1..9");
        Scenario s = new Scenario(1, 3, 1000, 0, 1, 1, true, null, Timing.DEFAULT, List.of(c, a, b));
        assertEquals(List.of(new Scenario.Action(100, a, true), new Scenario.Action(100, b, true),
                new Scenario.Action(150, b, false), new Scenario.Action(200, a, false),
                new Scenario.Action(200, c, true), new Scenario.Action(210, c, false)), s.actions());
        assertEquals(byDefinition(s), s.actions());
    }

    /**
     * A fault added to a schedule (as the runner places a fired one): {@link Scenario#actionsWith} gives what sorting
     * again gives, at times that meet the others' starts and ends, with and without an end, and declines a crash.
     */
    @Test
    void anAddedFaultGoesWhereSortingAgainPutsIt() {
        ExploreOptions o = new ExploreOptions(5, 10_000, FaultKind.parse("partition,crash,loss,reorder,dup,"
                + "power-loss,compact,skew,transfer"), 3, 3, 10, true, null);
        Random r = new Random(11);
        int compared = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Scenario s = ScenarioGenerator.generate(seed, o);
            List<Scenario.Action> current = s.actions();
            for (int k = 0; k < 30; k++) {
                long at = r.nextInt(3) == 0 || current.isEmpty() ? r.nextInt(10_100)
                        : current.get(r.nextInt(current.size())).time();
                long length = switch (r.nextInt(5)) {
                    case 0 -> 0;
                    case 4 -> { // the same start and end as a fault already there: ties on both
                        Fault twin = s.faults().get(r.nextInt(s.faults().size()));
                        at = twin.at();
                        yield twin.length();
                    }
                    case 1 -> current.isEmpty() ? 5 : Math.max(0, current.get(r.nextInt(current.size())).time() - at);
                    default -> r.nextInt(3000);
                };
                FaultKind kind = switch (r.nextInt(4)) {
                    case 0 -> FaultKind.PARTITION;
                    case 1 -> FaultKind.LOSS;
                    case 2 -> FaultKind.COMPACT;
                    default -> FaultKind.CRASH;
                };
                String arg = switch (kind) {
                    case PARTITION -> "1,2 3,4,5";
                    case LOSS -> "0.3";
                    default -> "2";
                };
                Fault f = new Fault(at, length, kind, arg);
                List<Fault> with = new ArrayList<>(s.faults());
                with.add(f);
                with.sort(Comparator.comparingLong(Fault::at));
                List<Scenario.Action> expected = s.withFaults(with).actions();
                List<Scenario.Action> got = Scenario.actionsWith(current, f, s.time());
                if (kind == FaultKind.CRASH || at >= s.time()) {
                    // A crash may leave out later faults, and one past the end is no action: left to actions().
                    assertEquals(null, got, "declined: " + f);
                    continue;
                }
                assertEquals(expected, got, "seed " + seed + " adding " + f);
                compared++;
            }
        }
        assertTrue(compared > 2000, "compared " + compared);
    }
}
