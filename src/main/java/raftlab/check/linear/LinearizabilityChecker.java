package raftlab.check.linear;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a key-value history for linearizability.
 *
 * <p>Every operation touches one key and keys do not interact, so the history is linearizable
 * exactly when each key's sub-history is (P-compositionality, as in Porcupine). Checking keys
 * separately turns one search over n operations into many small ones, which is what makes
 * long histories tractable. Keys are visited in sorted order so the reported key is
 * deterministic.
 */
public final class LinearizabilityChecker {
    private LinearizabilityChecker() {
    }

    /** The memory each key's search may hold by default, in bytes: about 128 MB. */
    public static final long DEFAULT_BUDGET_BYTES = KeySearch.DEFAULT_BUDGET_BYTES;

    /** Orders ops by invocation, then id, so results never depend on the input's order. */
    static final Comparator<Operation> BY_INVOCATION =
            Comparator.comparingLong(Operation::invokedAt).thenComparingInt(Operation::id);

    /**
     * Checks the history. FAIL operations are ignored; UNKNOWN and in-flight operations may
     * have taken effect at any time after their invocation, or never.
     */
    public static CheckResult check(List<Operation> history) {
        return check(history, KeySearch.DEFAULT_BUDGET_BYTES);
    }

    /**
     * Same, with a memory budget per key in bytes (see {@link #DEFAULT_BUDGET_BYTES}); {@code lincheck --budget} sets
     * it, and tests use a tiny one.
     * A key whose search outgrows the budget does not stop the others: one refuted key refutes the history, and it is
     * inconclusive only if no key is refuted and some key is undecided.
     */
    public static CheckResult check(List<Operation> history, long budgetBytes) {
        TreeMap<String, List<Operation>> byKey = new TreeMap<>();
        for (Operation op : history) {
            if (op.outcome() == Outcome.FAIL) {
                continue;
            }
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        List<String> undecided = new ArrayList<>();
        String why = null;
        for (Map.Entry<String, List<Operation>> e : byKey.entrySet()) {
            List<Operation> ops = e.getValue();
            ops.sort(BY_INVOCATION);
            SearchResult found;
            try {
                found = KeySearch.search(ops, List.of(), budgetBytes, Long.MAX_VALUE);
            } catch (SearchBudgetExceeded tooBig) {
                undecided.add(e.getKey());
                why = why == null ? tooBig.getMessage() : why;
                continue;
            }
            if (!found.linearizable()) {
                List<Operation> part = Shrinker.shrink(ops, found, budgetBytes);
                return new CheckResult(false, e.getKey(), part, false, undecided, null);
            }
        }
        if (!undecided.isEmpty()) {
            return new CheckResult(false, undecided.get(0), List.of(), true, undecided, why);
        }
        return CheckResult.ok();
    }
}
