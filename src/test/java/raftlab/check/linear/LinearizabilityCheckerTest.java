package raftlab.check.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.check.linear.Ops.append;
import static raftlab.check.linear.Ops.delete;
import static raftlab.check.linear.Ops.fail;
import static raftlab.check.linear.Ops.get;
import static raftlab.check.linear.Ops.put;
import static raftlab.check.linear.Ops.unknown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Small hand-written histories whose verdict can be worked out on paper. */
class LinearizabilityCheckerTest {

    private static CheckResult check(Operation... ops) {
        return LinearizabilityChecker.check(List.of(ops));
    }

    private static void assertLinearizable(Operation... ops) {
        CheckResult r = check(ops);
        assertTrue(r.linearizable(), () -> r.describe());
        assertNull(r.key());
        assertEquals(List.of(), r.counterexample());
        assertTrue(BruteForce.isLinearizable(List.of(ops)), "reference checker disagrees");
    }

    private static CheckResult assertNotLinearizable(Operation... ops) {
        CheckResult r = check(ops);
        assertFalse(r.linearizable());
        assertFalse(BruteForce.isLinearizable(List.of(ops)), "reference checker disagrees");
        assertFalse(BruteForce.isLinearizable(r.counterexample()),
                "counterexample must itself be non-linearizable");
        return r;
    }

    @Test
    void emptyHistoryIsLinearizable() {
        assertTrue(LinearizabilityChecker.check(List.of()).linearizable());
    }

    @Test
    void sequentialHistory() {
        assertLinearizable(
                get(0, 1, "x", null, 0, 5),
                put(1, 1, "x", "1", 6, 10),
                get(2, 2, "x", "1", 11, 20),
                append(3, 1, "x", "2", 21, 30),
                get(4, 2, "x", "12", 31, 40),
                delete(5, 1, "x", 41, 50),
                get(6, 2, "x", null, 51, 60),
                append(7, 1, "x", "z", 61, 70),
                get(8, 2, "x", "z", 71, 80));
    }

    @Test
    void concurrentPutsAndReadsForceOneOrder() {
        // The two puts overlap, the first read pins put(1) before it and put(2) after it.
        Operation p1 = put(0, 1, "x", "1", 0, 50);
        Operation p2 = put(1, 2, "x", "2", 0, 50);
        Operation g1 = get(2, 3, "x", "1", 10, 20);
        Operation g2 = get(3, 3, "x", "2", 60, 70);
        assertLinearizable(p1, p2, g1, g2);
        // ... so a later read of 1 cannot be explained.
        CheckResult r = assertNotLinearizable(p1, p2, g1, g2, get(4, 3, "x", "1", 80, 90));
        assertEquals("x", r.key());
    }

    @Test
    void readConcurrentWithPutMaySeeEitherValue() {
        Operation p1 = put(0, 1, "x", "1", 0, 10);
        Operation p2 = put(1, 1, "x", "2", 20, 30);
        assertLinearizable(p1, p2, get(2, 2, "x", "1", 25, 35));
        assertLinearizable(p1, p2, get(2, 2, "x", "2", 25, 35));
        // Touching endpoints count as concurrent.
        assertLinearizable(p1, p2, get(2, 2, "x", "1", 30, 35));
    }

    @Test
    void staleReadIsCaughtWithTheWriteThatMakesItStale() {
        Operation p1 = put(1, 1, "x", "1", 6, 10);
        Operation p2 = put(2, 1, "x", "2", 20, 30);
        Operation stale = get(3, 2, "x", "1", 40, 50);
        CheckResult r = assertNotLinearizable(
                get(0, 2, "x", null, 0, 5),
                p1,
                put(10, 3, "y", "7", 0, 100),
                p2,
                get(11, 3, "y", "7", 101, 110),
                stale,
                get(4, 1, "x", "2", 41, 45));
        assertEquals("x", r.key());
        assertEquals(List.of(p1, p2, stale), r.counterexample());
        assertEquals(String.join("\n",
                "not linearizable on key x; smallest failing part:",
                "  c1 put(x, \"1\") ok [6, 10]",
                "  c1 put(x, \"2\") ok [20, 30]",
                "  c2 get(x) -> \"1\" [40, 50]"), r.describe());
    }

    @Test
    void appendOrder() {
        Operation a = append(0, 1, "x", "a", 0, 100);
        Operation b = append(1, 2, "x", "b", 0, 100);
        assertLinearizable(a, b, get(2, 3, "x", "ab", 110, 120));
        assertLinearizable(a, b, get(2, 3, "x", "ba", 110, 120));
        assertLinearizable(a, b, get(2, 3, "x", "b", 50, 60), get(3, 3, "x", "ba", 110, 120));
        assertNotLinearizable(a, b, get(2, 3, "x", "b", 50, 60), get(3, 3, "x", "ab", 110, 120));
        assertNotLinearizable(a, b, get(2, 3, "x", "aab", 110, 120));
        // Sequential appends must concatenate in real-time order.
        Operation s1 = append(0, 1, "y", "a", 0, 10);
        Operation s2 = append(1, 1, "y", "b", 20, 30);
        assertLinearizable(s1, s2, get(2, 2, "y", "ab", 40, 50));
        CheckResult r = assertNotLinearizable(s1, s2, get(2, 2, "y", "ba", 40, 50));
        assertEquals(3, r.counterexample().size());
    }

    @Test
    void appendToAbsentKeyStartsFromEmpty() {
        assertLinearizable(put(0, 1, "x", "p", 0, 10), delete(1, 1, "x", 11, 20),
                append(2, 1, "x", "q", 21, 30), get(3, 2, "x", "q", 31, 40));
    }

    @Test
    void deleteMakesKeyAbsent() {
        Operation p = put(0, 1, "x", "1", 0, 10);
        Operation d = delete(1, 1, "x", 20, 30);
        assertLinearizable(p, d, get(2, 2, "x", null, 40, 50));
        assertNotLinearizable(p, d, get(2, 2, "x", "1", 40, 50));
        // A read concurrent with the delete may see either.
        assertLinearizable(p, d, get(2, 2, "x", "1", 25, 50));
        assertLinearizable(p, d, get(2, 2, "x", null, 25, 50));
        // Reading absent before anything was written is fine; after the put it is not.
        assertNotLinearizable(p, get(2, 2, "x", null, 15, 18));
    }

    @Test
    void failedOperationsAreIgnored() {
        Operation failedPut = fail(put(0, 1, "x", "9", 0, 10));
        assertNotLinearizable(failedPut, get(1, 2, "x", "9", 20, 30));
        assertLinearizable(failedPut, get(1, 2, "x", null, 20, 30));
        // A failed read's output means nothing.
        assertLinearizable(put(0, 1, "x", "1", 0, 10), fail(get(1, 2, "x", "zzz", 20, 30)));
    }

    @Test
    void unknownWriteThatMustHaveTakenEffect() {
        Operation u = unknown(put(0, 1, "x", "1", 0, 5));
        assertLinearizable(u, get(1, 2, "x", "1", 100, 110));
        // It may take effect long after the client gave up on it (completedAt is ignored).
        Operation p = put(2, 1, "x", "0", 0, 10);
        Operation u2 = unknown(put(3, 1, "x", "2", 20, 25));
        assertLinearizable(p, u2, get(4, 2, "x", "0", 30, 40), get(5, 2, "x", "2", 50, 60));
        assertNotLinearizable(p, u2, get(4, 2, "x", "0", 30, 40), get(5, 2, "x", "2", 50, 60),
                get(6, 2, "x", "0", 70, 80));
        // But never before it was invoked.
        assertNotLinearizable(unknown(put(0, 1, "x", "1", 200, 205)), get(1, 2, "x", "1", 100, 110));
    }

    @Test
    void unknownWriteWhoseValueIsNeverRead() {
        Operation p = put(0, 1, "x", "1", 0, 10);
        Operation u = unknown(put(1, 1, "x", "2", 20, 25));
        Operation ua = unknown(append(2, 3, "x", "!", 21, 22));
        assertLinearizable(p, u, ua, get(3, 2, "x", "1", 30, 40), get(4, 2, "x", "1", 100, 110));
    }

    @Test
    void unknownReadIsUnconstrained() {
        assertLinearizable(put(0, 1, "x", "1", 0, 10), unknown(get(1, 2, "x", "nonsense", 20, 30)));
    }

    @Test
    void readOfValueNeverWrittenShrinksToTheRead() {
        Operation bad = get(3, 2, "x", "zz", 40, 50);
        CheckResult r = assertNotLinearizable(
                put(0, 1, "x", "1", 0, 10), append(1, 1, "x", "2", 20, 30),
                get(2, 2, "x", "12", 31, 35), bad, put(4, 1, "x", "3", 60, 70));
        assertEquals(List.of(bad), r.counterexample());
    }

    @Test
    void inFlightOperationsAreTreatedAsUnknown() {
        Operation inFlight = new Operation(0, 1, OpKind.PUT, "x", "5", 10,
                Operation.IN_FLIGHT, Outcome.OK, null);
        assertTrue(inFlight.isUncertain());
        assertLinearizable(inFlight, get(1, 2, "x", "5", 20, 30));
        assertLinearizable(inFlight, get(1, 2, "x", null, 20, 30));
        assertNotLinearizable(inFlight, get(1, 2, "x", "5", 0, 5));
        assertEquals("c1 put(x, \"5\") unknown [10, ?]", inFlight.toString());
    }

    @Test
    void firstFailingKeyInSortedOrderAndInputOrderDoesNotMatter() {
        List<Operation> ops = new ArrayList<>(List.of(
                put(0, 1, "b", "1", 0, 10), get(1, 2, "b", "2", 20, 30),
                put(2, 1, "a", "1", 0, 10), put(3, 1, "a", "2", 20, 30),
                get(4, 2, "a", "1", 40, 50),
                put(5, 1, "c", "1", 0, 10), get(6, 2, "c", "1", 20, 30)));
        CheckResult first = LinearizabilityChecker.check(ops);
        assertEquals("a", first.key());
        Random rnd = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(ops, rnd);
            assertEquals(first, LinearizabilityChecker.check(ops));
        }
    }

    @Test
    void keysAreIndependent() {
        // A write to y never explains a read on x.
        assertNotLinearizable(put(0, 1, "y", "1", 0, 10), get(1, 2, "x", "1", 20, 30));
    }

    @Test
    void toStringIsOneReadableLine() {
        assertEquals("c2 get(x) -> \"12\" [104, 131]", get(7, 2, "x", "12", 104, 131).toString());
        assertEquals("c2 get(x) -> absent [104, 131]", get(7, 2, "x", null, 104, 131).toString());
        assertEquals("c1 append(x, \"3\") ok [90, 140]",
                append(1, 1, "x", "3", 90, 140).toString());
        assertEquals("c3 put(y, \"7\") unknown [200, ?]",
                unknown(put(2, 3, "y", "7", 200, 230)).toString());
        assertEquals("c3 delete(y) fail [1, 2]", fail(delete(2, 3, "y", 1, 2)).toString());
    }
}
