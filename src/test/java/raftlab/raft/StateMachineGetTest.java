package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * What a read answers ({@link StateMachine#get}): the store answers from its hash map, without sorting its view, and
 * must agree with the view at every moment; a state machine that has only a view gets the default, which reads it.
 */
class StateMachineGetTest {

    @Test
    void theStoresGetAgreesWithItsViewThroughPutsAppendsDeletesAndRestores() {
        KvStore kv = new KvStore();
        SplittableRandom r = new SplittableRandom(7);
        long rid = 1;
        for (int i = 0; i < 2000; i++) {
            String key = "k" + r.nextInt(20);
            CommandKind kind = switch (r.nextInt(3)) {
                case 0 -> CommandKind.PUT;
                case 1 -> CommandKind.APPEND;
                default -> CommandKind.DELETE;
            };
            kv.apply(new Command(kind, key, kind == CommandKind.DELETE ? null : "v" + i, rid++));
            if (i == 1000) {
                kv.restore(new TreeMap<>(kv.snapshot()));
            }
            for (int k = 0; k < 21; k++) { // k20 is never written: both say null
                assertEquals(kv.view().get("k" + k), kv.get("k" + k), "k" + k + " after step " + i);
            }
        }
    }

    @Test
    void aStateMachineWithOnlyAViewIsReadThroughIt() {
        SortedMap<String, String> state = new TreeMap<>();
        state.put("a", "1");
        StateMachine viewOnly = new StateMachine() {
            @Override
            public String apply(Command c) {
                return null;
            }

            @Override
            public SortedMap<String, String> view() {
                return state;
            }

            @Override
            public SortedMap<String, String> snapshot() {
                return new TreeMap<>(state);
            }

            @Override
            public void restore(SortedMap<String, String> image) {
            }
        };
        assertEquals("1", viewOnly.get("a"));
        assertEquals(null, viewOnly.get("b"));
    }
}
