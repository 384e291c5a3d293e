package raftlab.check.linear;

import java.util.List;
import java.util.Objects;

/**
 * A deliberately naive reference checker for tiny histories, written straight from the
 * definition: try every order of the ops that respects real time (an op may go next unless
 * some unplaced certain op completed strictly before it was invoked), where uncertain ops may
 * also be left out, and replay each against the sequential KV spec. Keys are checked jointly
 * (no partitioning) so it also cross-checks P-compositionality.
 */
final class BruteForce {
    private BruteForce() {
    }

    static boolean isLinearizable(List<Operation> history) {
        List<Operation> ops = history.stream().filter(o -> o.outcome() != Outcome.FAIL).toList();
        return search(ops, new boolean[ops.size()], new java.util.TreeMap<>());
    }

    private static boolean search(List<Operation> ops, boolean[] placed,
                                  java.util.TreeMap<String, String> store) {
        boolean allCertainPlaced = true;
        for (int i = 0; i < ops.size(); i++) {
            if (!placed[i] && !ops.get(i).isUncertain()) {
                allCertainPlaced = false;
            }
        }
        if (allCertainPlaced) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (placed[i] || !canGoNext(ops, placed, ops.get(i))) {
                continue;
            }
            Operation op = ops.get(i);
            String key = op.key();
            String before = store.get(key);
            if (op.kind() == OpKind.GET && !op.isUncertain()
                    && !Objects.equals(before, op.output())) {
                continue;
            }
            if (op.kind() == OpKind.CAS && !Objects.equals(before, op.expected())) {
                continue;
            }
            switch (op.kind()) {
                case PUT, CAS -> store.put(key, op.value());
                case APPEND -> store.put(key, before == null ? op.value() : before + op.value());
                case DELETE -> store.remove(key);
                default -> { }
            }
            placed[i] = true;
            boolean ok = search(ops, placed, store);
            placed[i] = false;
            if (before == null) {
                store.remove(key);
            } else {
                store.put(key, before);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static boolean canGoNext(List<Operation> ops, boolean[] placed, Operation op) {
        for (int j = 0; j < ops.size(); j++) {
            Operation other = ops.get(j);
            if (!placed[j] && !other.isUncertain() && other.completedAt() < op.invokedAt()) {
                return false;
            }
        }
        return true;
    }
}
