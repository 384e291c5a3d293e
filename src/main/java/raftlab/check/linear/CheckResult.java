package raftlab.check.linear;

import java.util.List;

/**
 * The verdict of {@link LinearizabilityChecker#check}.
 *
 * @param linearizable   whether the whole history is linearizable
 * @param key            for a failure, the first failing key in sorted order; null otherwise
 * @param counterexample for a failure, a small non-linearizable part of that key's history,
 *                       sorted by (invokedAt, id); empty otherwise
 */
public record CheckResult(boolean linearizable, String key, List<Operation> counterexample) {

    public CheckResult {
        counterexample = List.copyOf(counterexample);
    }

    static CheckResult ok() {
        return new CheckResult(true, null, List.of());
    }

    /** A multi-line explanation for a human: the failing key and its smallest failing part. */
    public String describe() {
        if (linearizable) {
            return "linearizable";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("not linearizable on key ").append(key).append("; smallest failing part:");
        for (Operation op : counterexample) {
            sb.append("\n  ").append(op);
        }
        return sb.toString();
    }
}
