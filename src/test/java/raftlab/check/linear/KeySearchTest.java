package raftlab.check.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.check.linear.Ops.delete;
import static raftlab.check.linear.Ops.get;
import static raftlab.check.linear.Ops.put;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The single-key search's ghost writes, and the shrinker not inventing failures. */
class KeySearchTest {

    @Test
    void ghostWriteMayExplainAReadAnyTimeAfterItsInvocation() {
        List<Operation> h = List.of(put(0, 1, "x", "1", 0, 10), put(1, 1, "x", "2", 20, 30),
                get(2, 2, "x", "1", 40, 50));
        assertFalse(KeySearch.isLinearizable(h));
        assertTrue(KeySearch.isLinearizable(h, List.of(put(3, 3, "x", "1", 5, 6))));
        assertFalse(KeySearch.isLinearizable(h, List.of(put(3, 3, "x", "1", 60, 61))));
        // A ghost may fire repeatedly: 1, 2, 1, 2.
        List<Operation> h2 = List.of(put(0, 1, "x", "1", 0, 10), get(1, 2, "x", "2", 20, 21),
                get(2, 2, "x", "1", 30, 31), get(3, 2, "x", "2", 40, 41));
        assertTrue(KeySearch.isLinearizable(h2, List.of(put(4, 3, "x", "2", 15, 16),
                put(5, 3, "x", "1", 15, 16))));
        assertFalse(KeySearch.isLinearizable(h2, List.of(put(4, 3, "x", "2", 15, 16))));
    }

    @Test
    void shrinkingDoesNotInventAFailure() {
        // The delete invoked during the first read explains "absent"; dropping it would leave a
        // (fake) failing pair "put 1; get -> absent". The real bug is the stale read at the end.
        Operation p1 = put(0, 1, "x", "1", 0, 10);
        Operation p2 = put(3, 1, "x", "2", 50, 60);
        Operation absent = get(1, 2, "x", null, 20, 40);
        Operation stale = get(4, 2, "x", "1", 70, 80);
        CheckResult r = LinearizabilityChecker.check(List.of(p1, absent,
                delete(2, 1, "x", 25, 30), p2, stale));
        assertFalse(r.linearizable());
        assertTrue(r.counterexample().contains(stale), r::describe);
        assertEquals(3, r.counterexample().size(), r::describe);
        assertFalse(BruteForce.isLinearizable(r.counterexample()));
        // Either "1 overwritten by 2, then read" or "1 gone, then read again" is a true story.
        assertTrue(r.counterexample().equals(List.of(p1, p2, stale))
                || r.counterexample().equals(List.of(p1, absent, stale)), r::describe);
    }
}
