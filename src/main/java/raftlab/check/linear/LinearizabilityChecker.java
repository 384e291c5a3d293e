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

    /** Orders ops by invocation, then id, so results never depend on the input's order. */
    static final Comparator<Operation> BY_INVOCATION =
            Comparator.comparingLong(Operation::invokedAt).thenComparingInt(Operation::id);

    /**
     * Checks the history. FAIL operations are ignored; UNKNOWN and in-flight operations may
     * have taken effect at any time after their invocation, or never.
     */
    public static CheckResult check(List<Operation> history) {
        return check(history, KeySearch.DEFAULT_BUDGET_WORDS);
    }

    /** Same, with a memo budget per key (see {@link KeySearch#DEFAULT_BUDGET_WORDS}); tests use a tiny one. */
    static CheckResult check(List<Operation> history, long budgetWords) {
        TreeMap<String, List<Operation>> byKey = new TreeMap<>();
        for (Operation op : history) {
            if (op.outcome() == Outcome.FAIL) {
                continue;
            }
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        for (Map.Entry<String, List<Operation>> e : byKey.entrySet()) {
            List<Operation> ops = e.getValue();
            ops.sort(BY_INVOCATION);
            boolean linearizable;
            try {
                linearizable = KeySearch.isLinearizable(ops, List.of(), budgetWords);
            } catch (SearchBudgetExceeded tooBig) {
                return new CheckResult(false, e.getKey(), List.of(), true);
            }
            if (!linearizable) {
                List<Operation> part;
                try {
                    part = Shrinker.shrink(ops);
                } catch (SearchBudgetExceeded tooBig) {
                    part = ops; // shrinking outgrew the budget: show the key's whole history
                }
                return new CheckResult(false, e.getKey(), part, false);
            }
        }
        return CheckResult.ok();
    }
}
