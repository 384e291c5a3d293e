package raftlab.check.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Decides whether the history of a single key is linearizable.
 *
 * <p>This is the Wing-Gong algorithm with Lowe's just-in-time linearization: the history is a
 * doubly linked list of call and return entries in time order. Walking from the head, any call
 * seen before the first return may be linearized next (its op is "minimal"); linearizing it
 * unlinks its call and return. Reaching a return whose op is still not linearized means the
 * current order is impossible, so we undo the last choice and try the next candidate. A set of
 * seen (linearized-set, state) pairs prunes orders that reach a configuration already shown to
 * fail, which is what keeps the search near-linear on real histories.
 *
 * <p>Uncertain operations (UNKNOWN or still in flight) get a call entry but no return entry:
 * they never force anything, so they may be linearized anywhere after their invocation, and
 * the search succeeds once every certain operation is linearized ("never" is the same as
 * "after everything else"). Uncertain GETs observe nothing and change nothing, so they are
 * dropped up front.
 *
 * <p>Two ops are ordered in real time only if one completes strictly before the other is
 * invoked; equal timestamps count as concurrent.
 */
final class KeySearch {
    private KeySearch() {
    }

    /** A call or return entry of the linked list. */
    private static final class Entry {
        final int op;
        final boolean call;
        final long time;
        Entry match; // a call's return entry, null for uncertain ops
        Entry prev;
        Entry next;

        Entry(int op, boolean call, long time) {
            this.op = op;
            this.call = call;
            this.time = time;
        }
    }

    /** A memo entry: which ops are linearized, and the resulting value of the key. */
    private static final class Config {
        final long[] bits;
        final String state;
        final int hash;

        Config(long[] bits, String state, long zobrist) {
            this.bits = bits;
            this.state = state;
            long h = zobrist * 0x9E3779B97F4A7C15L;
            this.hash = (int) (h ^ (h >>> 32)) * 31 + Objects.hashCode(state);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Config)) {
                return false;
            }
            Config c = (Config) o;
            return hash == c.hash && Objects.equals(state, c.state) && Arrays.equals(bits, c.bits);
        }
    }

    /**
     * Whether the given operations, all on one key with FAIL operations already removed, have a
     * linearization that starts from the key being absent.
     */
    /** Adds {@code c} to the memo; false if it was there. Throws once the memo would pass its budget. */
    private static boolean remember(HashSet<Config> seen, Config c, long maxConfigs) {
        if (seen.size() >= maxConfigs && !seen.contains(c)) {
            throw new SearchBudgetExceeded(seen.size());
        }
        return seen.add(c);
    }

    static boolean isLinearizable(List<Operation> history) {
        return isLinearizable(history, List.of(), DEFAULT_BUDGET_WORDS);
    }

    /**
     * How much memo the search may keep, in 64-bit words of linearized-set bitsets (plus a fixed allowance per
     * entry): about 64 MB. Histories with many unknown outcomes can make the search explode; past this budget it
     * gives up with {@link SearchBudgetExceeded} instead of exhausting the JVM's memory.
     */
    static final long DEFAULT_BUDGET_WORDS = 8_000_000;

    static boolean isLinearizable(List<Operation> history, List<Operation> ghostWrites) {
        return isLinearizable(history, ghostWrites, DEFAULT_BUDGET_WORDS);
    }

    /**
     * Same, with "ghost" writes added: each ghost may take effect any number of times (or never)
     * at any point after its invocation. That is strictly more permissive than UNKNOWN, and much
     * cheaper to search, because ghosts need no bit in the memo key. The shrinker uses ghosts to
     * stand in for writes it removed, so that a removal cannot create a failure. To keep the
     * search finite, a ghost may only move the key to a value that some remaining GET could
     * still observe (absent, or a prefix of a read value); any other value is unobservable until
     * overwritten, so skipping it loses nothing.
     */
    static boolean isLinearizable(List<Operation> history, List<Operation> ghostWrites, long budgetWords) {
        List<Operation> ops = new ArrayList<>(history.size() + ghostWrites.size());
        for (Operation op : history) {
            if (op.outcome() == Outcome.FAIL) {
                continue;
            }
            if (op.isUncertain() && op.kind() == OpKind.GET) {
                continue;
            }
            ops.add(op);
        }
        int real = ops.size();
        TreeSet<String> observed = new TreeSet<>();
        for (Operation op : ops) {
            if (op.kind() == OpKind.GET && !op.isUncertain() && op.output() != null) {
                observed.add(op.output());
            }
        }
        for (Operation op : ghostWrites) {
            if (op.kind() != OpKind.GET) {
                ops.add(op);
            }
        }
        int n = ops.size();
        boolean[] ghost = new boolean[n];
        OpKind[] kind = new OpKind[n];
        String[] value = new String[n];
        String[] output = new String[n];
        boolean[] uncertain = new boolean[n];
        long[] zobrist = new long[n];
        int certain = 0;
        List<Entry> events = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            Operation op = ops.get(i);
            kind[i] = op.kind();
            value[i] = op.value();
            output[i] = op.output();
            ghost[i] = i >= real;
            uncertain[i] = ghost[i] || op.isUncertain();
            zobrist[i] = mix(i + 1);
            Entry call = new Entry(i, true, op.invokedAt());
            events.add(call);
            if (!uncertain[i]) {
                certain++;
                Entry ret = new Entry(i, false, op.completedAt());
                call.match = ret;
                events.add(ret);
            }
        }
        if (certain == 0) {
            return true;
        }
        // Time order; at equal times calls first (touching intervals are concurrent); then by
        // position in the input so the walk order, and hence the work done, is deterministic.
        events.sort(Comparator.<Entry>comparingLong(e -> e.time)
                .thenComparing(e -> !e.call)
                .thenComparingInt(e -> e.op));
        Entry head = new Entry(-1, true, Long.MIN_VALUE);
        Entry last = head;
        for (Entry e : events) {
            last.next = e;
            e.prev = last;
            last = e;
        }

        long[] linearized = new long[(n + 63) >>> 6];
        long zob = 0;
        String state = null;
        HashSet<Config> seen = new HashSet<>();
        long maxConfigs = Math.max(1, budgetWords / (linearized.length + 8));
        Entry[] stackEntry = new Entry[n + 1];
        String[] stackState = new String[n + 1];
        int depth = 0;
        int remaining = certain;

        Entry e = head.next;
        while (e != null) {
            if (depth == stackEntry.length) { // only ghosts can push beyond n
                stackEntry = Arrays.copyOf(stackEntry, 2 * depth);
                stackState = Arrays.copyOf(stackState, 2 * depth);
            }
            int i = e.op;
            if (e.call && ghost[i]) {
                // A ghost changes the state but stays available, so no bit and no lift.
                String next = KvModel.apply(state, kind[i], value[i]);
                boolean useful = !Objects.equals(next, state)
                        && (next == null || isPrefixOfAny(next, observed));
                if (useful && remember(seen, new Config(linearized.clone(), next, zob), maxConfigs)) {
                    stackEntry[depth] = e;
                    stackState[depth] = state;
                    depth++;
                    state = next;
                    e = head.next;
                } else {
                    e = e.next;
                }
            } else if (e.call) {
                if (KvModel.accepts(state, kind[i], output[i], uncertain[i])) {
                    String next = KvModel.apply(state, kind[i], value[i]);
                    linearized[i >>> 6] |= 1L << i;
                    zob ^= zobrist[i];
                    if (remember(seen, new Config(linearized.clone(), next, zob), maxConfigs)) {
                        stackEntry[depth] = e;
                        stackState[depth] = state;
                        depth++;
                        state = next;
                        lift(e);
                        if (!uncertain[i] && --remaining == 0) {
                            return true;
                        }
                        e = head.next;
                        continue;
                    }
                    linearized[i >>> 6] &= ~(1L << i);
                    zob ^= zobrist[i];
                }
                e = e.next;
            } else {
                // A certain op must have happened by now but no order so far allows it: undo.
                if (depth == 0) {
                    return false;
                }
                depth--;
                Entry undo = stackEntry[depth];
                state = stackState[depth];
                stackState[depth] = null;
                int j = undo.op;
                if (ghost[j]) {
                    e = undo.next;
                    continue;
                }
                linearized[j >>> 6] &= ~(1L << j);
                zob ^= zobrist[j];
                if (!uncertain[j]) {
                    remaining++;
                }
                unlift(undo);
                e = undo.next;
            }
        }
        // Only uncertain calls were left ahead of us, so every certain op is linearized; the
        // early return above covers this, but stay correct if it is ever reached.
        return remaining == 0;
    }

    private static boolean isPrefixOfAny(String s, TreeSet<String> values) {
        String c = values.ceiling(s);
        return c != null && c.startsWith(s);
    }

    /** Unlinks a call entry and its return entry (dancing-links style, undone by unlift). */
    private static void lift(Entry call) {
        unlink(call);
        if (call.match != null) {
            unlink(call.match);
        }
    }

    private static void unlift(Entry call) {
        if (call.match != null) {
            relink(call.match);
        }
        relink(call);
    }

    private static void unlink(Entry e) {
        e.prev.next = e.next;
        if (e.next != null) {
            e.next.prev = e.prev;
        }
    }

    private static void relink(Entry e) {
        e.prev.next = e;
        if (e.next != null) {
            e.next.prev = e;
        }
    }

    /** SplitMix64 finaliser: a fixed pseudo-random 64-bit tag per op for the memo hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
