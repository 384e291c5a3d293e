package raftlab.check.explore;

import raftlab.check.Breach;
import raftlab.check.linear.CheckResult;

/**
 * How one scenario ended: a safety breach (the run stopped there), a non-linearizable history, or neither.
 *
 * @param linear the history's verdict; null when a breach, or the event budget, stopped the run before
 * @param events events the simulation processed (for speed figures)
 */
public record RunResult(Scenario scenario, Breach breach, CheckResult linear, long events) {
    public static final String LINEARIZABILITY = "Linearizability";

    /** Whether the run was stopped for processing more than {@link ScenarioRunner#MAX_EVENTS} events. */
    public boolean overBudget() {
        return breach == null && linear == null;
    }

    public boolean failed() {
        return breach != null || (linear != null && linear.refuted());
    }

    /** The property that failed, or null. */
    public String property() {
        return breach != null ? breach.property() : failed() ? LINEARIZABILITY : null;
    }

    /** {@code seed 17: [412ms] SAFETY BREACH: ...}, or {@code seed 17: ok}. */
    public String line() {
        String head = "seed " + scenario.seed() + ": ";
        if (breach != null) {
            return head + breach.line();
        }
        if (failed()) {
            return head + "NOT LINEARIZABLE on key " + linear.key() + ": its smallest failing part has "
                    + linear.counterexample().size() + (linear.counterexample().size() == 1 ? " operation" : " operations");
        }
        return head + (overBudget() ? "stopped after " + ScenarioRunner.MAX_EVENTS + " events (a message storm)" : "ok");
    }
}
