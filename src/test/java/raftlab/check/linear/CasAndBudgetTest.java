package raftlab.check.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Compare-and-set in the model; keys checked past one that outgrows its budget; what shrinking costs. */
class CasAndBudgetTest {
    private static Operation cas(int id, int c, String key, String old, String v, long inv, long comp) {
        return new Operation(id, c, OpKind.CAS, key, v, inv, comp, Outcome.OK, null, old);
    }

    @Test
    void aCasTakesEffectOnlyWhereItsExpectedValueHolds() {
        Operation p1 = Ops.put(1, 1, "x", "1", 0, 10);
        Operation c = cas(2, 2, "x", "1", "2", 20, 30);
        Operation read2 = Ops.get(3, 3, "x", "2", 40, 50);
        assertTrue(LinearizabilityChecker.check(List.of(p1, c, read2)).linearizable());
        // A cas that expects 7 cannot have succeeded after put 1.
        Operation wrong = cas(2, 2, "x", "7", "2", 20, 30);
        CheckResult r = LinearizabilityChecker.check(List.of(p1, wrong, read2));
        assertTrue(r.refuted(), r.describe());
        assertTrue(r.describe().contains("c2 cas(x, \"7\", \"2\") ok [20, 30]"), r.describe());
        // Expecting the key absent: fine before any put, not after.
        assertTrue(LinearizabilityChecker.check(List.of(cas(1, 1, "y", null, "a", 0, 5),
                Ops.get(2, 1, "y", "a", 6, 7))).linearizable());
        assertFalse(LinearizabilityChecker.check(List.of(Ops.put(1, 1, "y", "b", 0, 5),
                cas(2, 1, "y", null, "a", 6, 7))).linearizable());
        // An unknown cas may or may not have happened; a failed one did not.
        assertTrue(LinearizabilityChecker.check(List.of(p1, Ops.unknown(c), read2)).linearizable());
        assertFalse(LinearizabilityChecker.check(List.of(p1, Ops.fail(c), read2)).linearizable());
    }

    /**
     * A successful cas reads its expected value, so shrinking keeps a write that could have produced it, as it does
     * for a get: the failing part names the write the cas found overwritten, not the cas alone.
     */
    @Test
    void shrinkingKeepsTheSourceOfTheValueACasExpected() {
        Operation putB = Ops.put(1, 1, "x", "b", 0, 10);
        Operation putA = Ops.put(2, 1, "x", "a", 20, 30);
        Operation noise = Ops.put(3, 2, "y", "1", 0, 5);
        Operation c = cas(4, 3, "x", "b", "c", 40, 50);
        CheckResult r = LinearizabilityChecker.check(List.of(putB, noise, putA, c));
        assertTrue(r.refuted(), r.describe());
        assertTrue(r.describe().contains("put(x, \"b\")") && r.describe().contains("put(x, \"a\")")
                && r.describe().contains("cas(x, \"b\", \"c\")"), r.describe());
    }

    @Test
    void generatedRegisterHistoriesWithCasAreLinearizableAndBruteForceAgrees() {
        for (long seed = 1; seed <= 40; seed++) {
            List<Operation> h = HistoryGenerator.generate(seed, HistoryGenerator.Config.of(12, 3, 1)
                    .withUnknownRate(0.1).withCutOff(seed % 2 == 0).asRegister());
            assertTrue(LinearizabilityChecker.check(h).linearizable(), h::toString);
            assertTrue(BruteForce.isLinearizable(h), h::toString);
        }
    }

    /** A history whose key k0 outgrows a small budget, plus a key that is plainly refuted. */
    private static List<Operation> hardKeyAndRefutedKey(boolean refuted) {
        List<Operation> h = new ArrayList<>(HistoryGenerator.generate(3,
                HistoryGenerator.Config.of(400, 5, 1).withUnknownRate(0.2)));
        h.add(Ops.put(10_001, 9, "z", "1", 0, 1));
        h.add(Ops.get(10_002, 9, "z", refuted ? "2" : "1", 2, 3));
        return h;
    }

    @Test
    void aKeyOverItsBudgetDoesNotStopTheOthers() {
        long small = 64 << 10; // 64 KB: too little for k0, plenty for z
        CheckResult refuted = LinearizabilityChecker.check(hardKeyAndRefutedKey(true), small);
        assertTrue(refuted.refuted(), refuted.describe());
        assertEquals("z", refuted.key());
        assertEquals(List.of("k0"), refuted.undecided());
        CheckResult undecided = LinearizabilityChecker.check(hardKeyAndRefutedKey(false), small);
        assertTrue(undecided.inconclusive(), undecided.describe());
        assertEquals("k0", undecided.key());
        assertTrue(undecided.why().contains("over its budget of 64 KB"), undecided.why());
        assertTrue(LinearizabilityChecker.check(hardKeyAndRefutedKey(false)).linearizable());
    }

    @Test
    void shrinkingCostsAboutAsMuchAsTheSearchAgainNotTenTimes() {
        // One key, 3,000 operations, a stale read planted near the end: time the search alone and the whole check.
        List<Operation> h = new ArrayList<>(HistoryGenerator.generate(11,
                HistoryGenerator.Config.of(3000, 5, 1).withUnknownRate(0).withFailRate(0)));
        for (int i = h.size() - 20; i >= 0; i--) {
            Operation g = h.get(i);
            if (g.kind() == OpKind.GET && g.output() != null) {
                h.set(i, Ops.withOutput(g, "never-written"));
                break;
            }
        }
        List<Operation> sorted = new ArrayList<>(h);
        sorted.sort(LinearizabilityChecker.BY_INVOCATION);
        long search = Long.MAX_VALUE;
        long whole = Long.MAX_VALUE;
        CheckResult r = null;
        for (int i = 0; i < 5; i++) { // the best of five, after the first rounds warm the JIT up
            long t0 = System.nanoTime();
            SearchResult s = KeySearch.search(sorted, List.of(), KeySearch.DEFAULT_BUDGET_BYTES, Long.MAX_VALUE);
            long t1 = System.nanoTime();
            r = LinearizabilityChecker.check(h);
            long t2 = System.nanoTime();
            assertFalse(s.linearizable());
            search = Math.min(search, t1 - t0);
            whole = Math.min(whole, t2 - t1);
        }
        assertTrue(r.refuted());
        assertTrue(r.counterexample().size() <= 4, r.describe());
        // Generous: the shrink's step allowance makes it about 1x, so the whole check about 2x the search.
        assertTrue(whole <= 6 * search + 20_000_000L, "search " + search / 1000 + " us, check " + whole / 1000 + " us");
    }
}
