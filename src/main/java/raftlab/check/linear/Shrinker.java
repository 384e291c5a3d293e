package raftlab.check.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a non-linearizable single-key history down to a small non-linearizable part, so a human
 * can see the bug in a handful of lines instead of thousands.
 *
 * <p>Shrinking costs at most about as much again as the search that found the failure: the cut needs no search
 * of its own (the failing search tells where the history first fails), and the removals share an allowance of
 * search steps equal to that search's (with a small floor, so tiny histories always shrink fully). When the
 * allowance runs out, the part found so far is reported: still non-linearizable, just not as small as it could be.
 * Counting steps instead of time keeps the reported part the same on every machine.
 *
 * <p>The danger in shrinking is inventing a different failure: dropping a write can leave a
 * read with nothing to explain it (drop the concurrent delete and "get -> absent" after a put
 * fails on its own). The result would be non-linearizable, but it would point at an innocent
 * read. Three rules keep the reported failure the real one:
 * <ol>
 *   <li>The history is first cut at the earliest instant T by which it already fails: ops
 *       invoked after T are dropped and ops still running at T become UNKNOWN. That is exactly
 *       what a recorder stopped at T would have seen, which is linearizable whenever the full
 *       history is, so the cut cannot invent a failure. T is the latest completion the failing
 *       search ever reached without being able to linearize its operation: every earlier cut
 *       is linearizable (the search had linearized every operation completing before T, and
 *       none invoked after an earlier cut can come before those), and the cut at T is not
 *       (any linearization of it would have let the search get past T).</li>
 *   <li>A removal is kept only if the remainder is still non-linearizable even when every
 *       write removed so far is put back as a "ghost" that may take effect any number of times
 *       after its invocation (more permissive than UNKNOWN, see {@link KeySearch}): so the
 *       failure never hinges on removed writes being absent.</li>
 *   <li>A removal may not leave a GET reading a value that no remaining write could produce, if
 *       the history had writes that could. Rule 2 already keeps the failure real; this keeps
 *       it explained: "append a; get -> ba" is a true failure, but "append a; append b;
 *       get -> ba" shows what the reader could have expected. A GET of a value never written
 *       may still shrink to itself, since that is the whole story.</li>
 * </ol>
 * After the cut, chunks of halving size are removed greedily, then single operations until none
 * can go. The operations reported are the original ones (a cut-to-UNKNOWN op is reported as
 * recorded): restoring their recorded completion only adds constraints, so the reported part
 * is non-linearizable too.
 */
final class Shrinker {
    /** Steps every shrink may take, however cheap the search was: a few milliseconds. */
    static final long MIN_ALLOWANCE = 200_000;

    private final List<Operation> original;
    private final long budgetBytes;
    /** Search steps left for removals; once spent, the shrink stops where it is. */
    private long allowance;
    private Operation[] effective;
    /** Per GET index: the distinct (kind, value) writes that could build its output. */
    private List<List<int[]>> pieces;
    private boolean[] mustStaySupported;

    private Shrinker(List<Operation> ops, long budgetBytes, long allowance) {
        this.original = ops;
        this.budgetBytes = budgetBytes;
        this.allowance = allowance;
    }

    /**
     * Shrinks a non-linearizable single-key history (FAIL ops removed, sorted by invokedAt, id).
     * Returns a non-linearizable subset of the given operations, in the same order.
     */
    static List<Operation> shrink(List<Operation> sortedOps) {
        SearchResult found = KeySearch.search(sortedOps, List.of(), KeySearch.DEFAULT_BUDGET_BYTES, Long.MAX_VALUE);
        if (found.linearizable()) {
            throw new IllegalArgumentException("the history is linearizable: nothing to shrink");
        }
        return shrink(sortedOps, found, KeySearch.DEFAULT_BUDGET_BYTES);
    }

    /** Same, given the failing search's result (which says where to cut, and what the shrink may cost). */
    static List<Operation> shrink(List<Operation> sortedOps, SearchResult failed, long budgetBytes) {
        return new Shrinker(sortedOps, budgetBytes, Math.max(MIN_ALLOWANCE, failed.steps())).run(failed.failedAt());
    }

    private List<Operation> run(long failedAt) {
        effective = cut(failedAt).toArray(new Operation[0]);
        int n = effective.length;
        computeSupport(n);
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);

        // The failure completes at the end of the cut, so first try windows at the end, doubling: each attempt costs
        // about its window's size, so finding a small failing window is cheap even in a long history.
        // A read in the window keeps, from before it, one write of each piece its value is made of (rule 3), so a
        // stale read keeps the old write it saw however far back that is.
        for (int window = 4; window < n && allowance > 0; window *= 2) {
            boolean[] support = new boolean[n];
            for (int g = n - window; g < n; g++) {
                if (mustStaySupported[g]) {
                    for (int[] group : pieces.get(g)) {
                        int last = -1;
                        for (int w : group) {
                            last = w < n - window ? w : last;
                        }
                        if (last >= 0) {
                            support[last] = true;
                        }
                    }
                }
            }
            List<Integer> before = new ArrayList<>();
            for (int i = 0; i < n - window; i++) {
                if (!support[i]) {
                    before.add(i);
                }
            }
            if (tryRemove(keep, before)) {
                break;
            }
        }
        for (int chunk = n / 2; chunk > 1 && allowance > 0; chunk /= 2) {
            List<Integer> kept = indices(keep);
            for (int start = 0; start < kept.size(); start += chunk) {
                List<Integer> part = kept.subList(start, Math.min(kept.size(), start + chunk));
                tryRemove(keep, part);
            }
        }
        boolean changed = true;
        while (changed && allowance > 0) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (keep[i] && tryRemove(keep, List.of(i))) {
                    changed = true;
                }
            }
        }
        List<Operation> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                result.add(original.get(i));
            }
        }
        return result;
    }

    /** The history as seen at time t: later invocations dropped, unfinished ops UNKNOWN. */
    private List<Operation> cut(long t) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : original) {
            if (op.invokedAt() > t) {
                break; // sorted by invocation
            }
            out.add(!op.isUncertain() && op.completedAt() > t ? asUnknown(op) : op);
        }
        return out;
    }

    /** Removes {@code part} from {@code keep} if the rules allow; returns whether it did. */
    private boolean tryRemove(boolean[] keep, List<Integer> part) {
        for (int i : part) {
            keep[i] = false;
        }
        if (stillSupported(keep) && !linearizableWithGhosts(keep)) {
            return true;
        }
        for (int i : part) {
            keep[i] = true;
        }
        return false;
    }

    /** Rule 2: the kept ops, with every write removed so far standing by as a ghost. */
    private boolean linearizableWithGhosts(boolean[] keep) {
        List<Operation> kept = new ArrayList<>();
        List<Operation> ghosts = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(effective[i]);
            } else if (effective[i].kind() != OpKind.GET) {
                ghosts.add(effective[i]);
            }
        }
        if (allowance <= 0) {
            return true; // out of steps: keep what is left
        }
        try {
            SearchResult r = KeySearch.search(kept, ghosts, budgetBytes, allowance);
            allowance -= r.steps();
            return r.linearizable();
        } catch (SearchBudgetExceeded tooBig) {
            allowance -= tooBig.steps;
            return true; // undecided counts as "the removal might hide the failure": keep the ops
        }
    }

    // ---- rule 3: reads keep a possible source for their value ----

    private void computeSupport(int n) {
        pieces = new ArrayList<>(n);
        mustStaySupported = new boolean[n];
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        for (int g = 0; g < n; g++) {
            Operation get = effective[g];
            String read = readValue(get);
            if (read == null) {
                pieces.add(null);
                continue;
            }
            // Group the writes that could contribute by (kind, value): one kept op per group
            // is enough to make that piece available.
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int w = 0; w < n; w++) {
                Operation op = effective[w];
                boolean setsWhole = op.kind() == OpKind.PUT || (op.kind() == OpKind.CAS && op.outcome() != Outcome.FAIL);
                boolean useful = (setsWhole && read.startsWith(op.value()))
                        || (op.kind() == OpKind.APPEND && read.contains(op.value()));
                if (useful) {
                    groups.computeIfAbsent(op.kind() + ":" + op.value(), k -> new ArrayList<>())
                          .add(w);
                }
            }
            List<int[]> list = new ArrayList<>();
            for (List<Integer> ids : groups.values()) {
                list.add(ids.stream().mapToInt(Integer::intValue).toArray());
            }
            pieces.add(list);
            mustStaySupported[g] = producible(read, list, all);
        }
    }

    /**
     * The value an operation is known to have read, which rule 3 keeps a source for: a get's output, and the value a
     * successful cas found (its expected value); null for anything else or when unknown. A cas that did not fail
     * is a source like a put: it sets the whole value.
     */
    private static String readValue(Operation op) {
        if (op.isUncertain()) {
            return null;
        }
        return switch (op.kind()) {
            case GET -> op.output();
            case CAS -> op.outcome() == Outcome.OK ? op.expected() : null;
            case PUT, APPEND, DELETE -> null;
        };
    }

    private boolean stillSupported(boolean[] keep) {
        for (int g = 0; g < keep.length; g++) {
            if (keep[g] && mustStaySupported[g] && !producible(readValue(effective[g]), pieces.get(g), keep)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some sequence of the kept writes (a PUT, a CAS or an APPEND onto absent, then APPENDs)
     * leaves exactly {@code v}. Order and timing are the search's business; this only asks
     * whether the value can be built at all.
     */
    private boolean producible(String v, List<int[]> groups, boolean[] keep) {
        int len = v.length();
        boolean[] reach = new boolean[len + 1];
        List<Operation> appends = new ArrayList<>();
        for (int[] group : groups) {
            int w = firstKept(group, keep);
            if (w < 0) {
                continue;
            }
            Operation op = effective[w];
            if (v.startsWith(op.value())) {
                reach[op.value().length()] = true;
            }
            if (op.kind() == OpKind.APPEND) {
                appends.add(op);
            }
        }
        for (int i = 0; i < len; i++) {
            if (!reach[i]) {
                continue;
            }
            for (Operation a : appends) {
                int l = a.value().length();
                if (l > 0 && i + l <= len && v.startsWith(a.value(), i)) {
                    reach[i + l] = true;
                }
            }
        }
        return reach[len];
    }

    private static int firstKept(int[] group, boolean[] keep) {
        for (int w : group) {
            if (keep[w]) {
                return w;
            }
        }
        return -1;
    }

    private static Operation asUnknown(Operation op) {
        return op.withOutcome(Outcome.UNKNOWN); // keeps a cas's expected value (the 9-argument form would drop it)
    }

    private static List<Integer> indices(boolean[] keep) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
