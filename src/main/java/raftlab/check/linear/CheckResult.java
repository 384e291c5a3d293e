package raftlab.check.linear;

import java.util.List;

/**
 * The verdict of {@link LinearizabilityChecker#check}.
 *
 * @param linearizable   whether the whole history is linearizable
 * @param key            for a failure, the first failing key in sorted order; for an inconclusive verdict, the first
 *                       undecided key; null otherwise
 * @param counterexample for a failure, a small non-linearizable part of that key's history,
 *                       sorted by (invokedAt, id); empty otherwise
 * @param inconclusive   no key is refuted but the search on some key outgrew its memory budget, so the history is
 *                       neither shown linearizable nor shown not to be ({@code linearizable} is then false, and so is
 *                       {@link #refuted()})
 * @param undecided      every key whose search outgrew its budget, in sorted order (a refuted history may have some
 *                       too: one refuted key is enough to refute it)
 * @param why            for an inconclusive verdict, why the first undecided key's search gave up; null otherwise
 */
public record CheckResult(boolean linearizable, String key, List<Operation> counterexample, boolean inconclusive,
                          List<String> undecided, String why) {

    public CheckResult {
        counterexample = List.copyOf(counterexample);
        undecided = List.copyOf(undecided);
    }

    static CheckResult ok() {
        return new CheckResult(true, null, List.of(), false, List.of(), null);
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
            String others = undecided.size() > 1 ? " (and on " + (undecided.size() - 1) + " more "
                    + (undecided.size() == 2 ? "key" : "keys") + ": " + String.join(", ", undecided.subList(1,
                    Math.min(undecided.size(), 6))) + (undecided.size() > 6 ? ", ..." : "") + ")" : "";
            return "linearizability inconclusive: the search on key " + key + " outgrew its memory budget" + others
                    + "; no key is refuted";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("not linearizable on key ").append(key).append("; smallest failing part:");
        for (Operation op : counterexample) {
            sb.append("\n  ").append(op);
        }
        return sb.toString();
    }
}
