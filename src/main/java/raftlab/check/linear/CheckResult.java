package raftlab.check.linear;

import java.util.List;

/**
 * The verdict of {@link LinearizabilityChecker#check}.
 *
 * @param linearizable   whether the whole history is linearizable
 * @param key            for a failure, the first failing key in sorted order; null otherwise
 * @param counterexample for a failure, a small non-linearizable part of that key's history,
 *                       sorted by (invokedAt, id); empty otherwise
 * @param inconclusive   the search for {@code key} outgrew its memory budget, so the history is neither shown
 *                       linearizable nor shown not to be ({@code linearizable} is then false, and so is
 *                       {@link #refuted()})
 */
public record CheckResult(boolean linearizable, String key, List<Operation> counterexample, boolean inconclusive) {

    public CheckResult {
        counterexample = List.copyOf(counterexample);
    }

    static CheckResult ok() {
        return new CheckResult(true, null, List.of(), false);
    }

    /** Shown not linearizable: a breach. */
    public boolean refuted() {
        return !linearizable && !inconclusive;
    }

    /** A multi-line explanation for a human: the failing key and its smallest failing part. */
    public String describe() {
        if (linearizable) {
            return "linearizable";
        }
        if (inconclusive) {
            return "linearizability inconclusive: the search on key " + key + " outgrew its memory budget";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("not linearizable on key ").append(key).append("; smallest failing part:");
        for (Operation op : counterexample) {
            sb.append("\n  ").append(op);
        }
        return sb.toString();
    }
}
