package raftlab.check.explore;

import raftlab.check.Breach;
import raftlab.check.linear.CheckResult;

/**
 * How one scenario ended: a safety breach (the run stopped there), a non-linearizable history, a cluster that did
 * not recover once the faults were over, a run stopped at the event budget, or none of these.
 *
 * @param linear the history's verdict; null when a breach, or the event budget, stopped the run before
 * @param stuck  why the cluster did not recover after the faults (see {@link Liveness}), or null
 * @param events events the simulation processed (for speed figures)
 */
public record RunResult(Scenario scenario, Breach breach, CheckResult linear, String stuck, long events) {
    public static final String LINEARIZABILITY = "Linearizability";
    public static final String LIVENESS = "Liveness";

    /** The kinds of result, worst first: a safety failure outranks a liveness failure. */
    public enum Kind {
        /** A safety property broke (the run stopped at that event). */
        UNSAFE("unsafe"),
        /** The client history has no linearization (also a safety failure). */
        NOT_LINEARIZABLE("not linearizable"),
        /** Safe, but after the faults ended the cluster did not recover within the bound. */
        STUCK("stuck"),
        /** Stopped at the event budget ({@link ScenarioRunner#MAX_EVENTS} events). */
        OVER_BUDGET("over budget"),
        OK("ok");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        public boolean failed() {
            return switch (this) {
                case UNSAFE, NOT_LINEARIZABLE, STUCK -> true;
                case OVER_BUDGET, OK -> false;
            };
        }
    }

    public Kind kind() {
        if (breach != null) {
            return Kind.UNSAFE;
        }
        if (linear == null) {
            return Kind.OVER_BUDGET;
        }
        if (linear.refuted()) {
            return Kind.NOT_LINEARIZABLE;
        }
        return stuck != null ? Kind.STUCK : Kind.OK;
    }

    public boolean overBudget() {
        return kind() == Kind.OVER_BUDGET;
    }

    public boolean failed() {
        return kind().failed();
    }

    /** The property that failed, or null. */
    public String property() {
        return switch (kind()) {
            case UNSAFE -> breach.property();
            case NOT_LINEARIZABLE -> LINEARIZABILITY;
            case STUCK -> LIVENESS;
            case OVER_BUDGET, OK -> null;
        };
    }

    /** {@code seed 17: [412ms] SAFETY BREACH: ...}, {@code seed 17: STUCK: ...}, or {@code seed 17: ok}. */
    public String line() {
        String head = "seed " + scenario.seed() + ": ";
        return head + switch (kind()) {
            case UNSAFE -> breach.line();
            case NOT_LINEARIZABLE -> "NOT LINEARIZABLE on key " + linear.key() + ": its smallest failing part has "
                    + linear.counterexample().size() + (linear.counterexample().size() == 1 ? " operation" : " operations");
            case STUCK -> "STUCK: " + stuck;
            case OVER_BUDGET -> "stopped after " + events + " events, the event budget (a message storm)";
            case OK -> "ok";
        };
    }
}
