package raftlab.check.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A search that outgrows its memory budget gives an honest "inconclusive" (neither linearizable nor refuted)
 * instead of exhausting the JVM; with the normal budget the same history is judged.
 */
class SearchBudgetTest {
    private final List<Operation> history = HistoryGenerator.generate(3,
            HistoryGenerator.Config.of(400, 5, 1).withUnknownRate(0.2));

    @Test
    void aTinyBudgetGivesUpWithInconclusive() {
        CheckResult r = LinearizabilityChecker.check(history, 10);
        assertTrue(r.inconclusive(), r.describe());
        assertFalse(r.linearizable());
        assertFalse(r.refuted(), "giving up is not a breach");
        assertEquals("k0", r.key());
        assertTrue(r.describe().startsWith("linearizability inconclusive: the search on key k0"), r.describe());
    }

    @Test
    void theNormalBudgetJudgesTheSameHistory() {
        CheckResult r = LinearizabilityChecker.check(history);
        assertTrue(r.linearizable(), r.describe());
        assertFalse(r.inconclusive());
    }
}
