package raftlab.check.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
     * How much memory the memo may hold, in bytes: about 128 MB, counted as the JVM holds it (each remembered
     * configuration's set entry, object and bitset, and each distinct value an APPEND built). Histories with many
     * unknown outcomes can make the search explode; past this budget it gives up with {@link SearchBudgetExceeded}
     * instead of exhausting the JVM's memory (whose default, a quarter of the machine's memory, is larger).
     */
    static final long DEFAULT_BUDGET_BYTES = 128L << 20;

    /** A remembered configuration: its HashMap node and table slot, the Config object and its bitset's header. */
    private static final long BYTES_PER_CONFIG = 32 + 8 + 24 + 16;
    /** A distinct value held by the search: its String and array headers and its slot in the intern map. */
    private static final long BYTES_PER_VALUE = 24 + 16 + 32 + 8;
    /** What the search holds per operation whatever it does: two list entries, the per-op arrays and the stack. */
    private static final long BYTES_PER_OP = 2 * 40 + 64;

    /**
     * Whether the given operations, all on one key with FAIL operations already removed, have a
     * linearization that starts from the key being absent.
     */
    static boolean isLinearizable(List<Operation> history) {
        return search(history, List.of(), DEFAULT_BUDGET_BYTES, Long.MAX_VALUE).linearizable();
    }

    static boolean isLinearizable(List<Operation> history, List<Operation> ghostWrites) {
        return search(history, ghostWrites, DEFAULT_BUDGET_BYTES, Long.MAX_VALUE).linearizable();
    }

    /** The memo and what it costs, so that the budget counts what the search really holds. */
    private static final class Memo {
        final HashSet<Config> seen = new HashSet<>();
        final HashMap<String, String> values = new HashMap<>();
        final long budgetBytes;
        final long bytesPerConfig;
        long bytes;
        long steps;

        Memo(long budgetBytes, int words, int ops) {
            this.budgetBytes = budgetBytes;
            this.bytesPerConfig = BYTES_PER_CONFIG + 8L * words;
            this.bytes = BYTES_PER_OP * ops;
        }

        /** The one copy of {@code s} the search keeps: equal values built by different orders share memory. */
        String intern(String s) {
            if (s == null) {
                return null;
            }
            String known = values.putIfAbsent(s, s);
            if (known != null) {
                return known;
            }
            bytes += BYTES_PER_VALUE + (latin1(s) ? s.length() : 2L * s.length()); // a String's compact form
            check();
            return s;
        }

        /** Adds {@code c}; false if it was there. Throws once the memo would pass its budget. */
        boolean remember(Config c) {
            if (!seen.add(c)) {
                return false;
            }
            bytes += bytesPerConfig;
            check();
            return true;
        }

        private void check() {
            if (bytes > budgetBytes) {
                throw new SearchBudgetExceeded("the search held about " + mb(bytes) + " in " + seen.size()
                        + " search states, over its budget of " + mb(budgetBytes), steps);
            }
        }
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 255) {
                return false;
            }
        }
        return true;
    }

    static String mb(long bytes) {
        return bytes >= (1L << 20) ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    /** Time, then calls before returns, then position in the input (one comparator: no boxed key per comparison). */
    private static final Comparator<Entry> EVENT_ORDER = (a, b) -> {
        int byTime = Long.compare(a.time, b.time);
        if (byTime != 0) {
            return byTime;
        }
        if (a.call != b.call) {
            return a.call ? -1 : 1;
        }
        return Integer.compare(a.op, b.op);
    };

    static SearchResult search(List<Operation> history, List<Operation> ghostWrites, long budgetBytes, long maxSteps) {
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
        ops.addAll(usefulGhosts(ghostWrites, observed));
        int n = ops.size();
        boolean[] ghost = new boolean[n];
        OpKind[] kind = new OpKind[n];
        String[] value = new String[n];
        String[] output = new String[n];
        String[] expected = new String[n];
        boolean[] uncertain = new boolean[n];
        long[] zobrist = new long[n];
        int certain = 0;
        List<Entry> events = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            Operation op = ops.get(i);
            kind[i] = op.kind();
            value[i] = op.value();
            output[i] = op.output();
            expected[i] = op.expected();
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
            return new SearchResult(true, Long.MIN_VALUE, 0);
        }
        // Time order; at equal times calls first (touching intervals are concurrent); then by
        // position in the input so the walk order, and hence the work done, is deterministic.
        events.sort(EVENT_ORDER);
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
        Memo memo = new Memo(budgetBytes, linearized.length, n);
        long steps = 0;
        long failedAt = Long.MIN_VALUE;
        Entry[] stackEntry = new Entry[n + 1];
        String[] stackState = new String[n + 1];
        int depth = 0;
        int remaining = certain;

        Entry e = head.next;
        while (e != null) {
            memo.steps = ++steps;
            if (steps > maxSteps) {
                throw new SearchBudgetExceeded("the search took more than " + maxSteps + " steps", steps);
            }
            if (depth == stackEntry.length) { // only ghosts can push beyond n
                stackEntry = Arrays.copyOf(stackEntry, 2 * depth);
                stackState = Arrays.copyOf(stackState, 2 * depth);
            }
            int i = e.op;
            if (e.call && ghost[i]) {
                // A ghost changes the state but stays available, so no bit and no lift.
                boolean useful = false;
                String next = null;
                if (KvModel.accepts(state, kind[i], null, expected[i], true)) {
                    next = KvModel.apply(state, kind[i], value[i]);
                    useful = !Objects.equals(next, state) && (next == null || isPrefixOfAny(next, observed));
                }
                if (useful && memo.remember(new Config(linearized.clone(), next = memo.intern(next), zob))) {
                    stackEntry[depth] = e;
                    stackState[depth] = state;
                    depth++;
                    state = next;
                    e = head.next;
                } else {
                    e = e.next;
                }
            } else if (e.call) {
                if (KvModel.accepts(state, kind[i], output[i], expected[i], uncertain[i])) {
                    String next = kind[i] == OpKind.APPEND ? memo.intern(KvModel.apply(state, kind[i], value[i]))
                            : KvModel.apply(state, kind[i], value[i]);
                    linearized[i >>> 6] |= 1L << i;
                    zob ^= zobrist[i];
                    if (memo.remember(new Config(linearized.clone(), next, zob))) {
                        stackEntry[depth] = e;
                        stackState[depth] = state;
                        depth++;
                        state = next;
                        lift(e);
                        if (!uncertain[i] && --remaining == 0) {
                            return new SearchResult(true, Long.MIN_VALUE, steps);
                        }
                        e = head.next;
                        continue;
                    }
                    linearized[i >>> 6] &= ~(1L << i);
                    zob ^= zobrist[i];
                }
                e = e.next;
            } else {
                // A certain op must have happened by now but no order so far allows it: undo. The latest such
                // completion over the whole search is where the history first fails (see Shrinker).
                failedAt = Math.max(failedAt, e.time);
                if (depth == 0) {
                    return new SearchResult(false, failedAt, steps);
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
        return new SearchResult(remaining == 0, remaining == 0 ? Long.MIN_VALUE : failedAt, steps);
    }

    /**
     * The ghosts that could ever matter, earliest first: a ghost only ever moves the key to absent or to a prefix of a
     * value some GET read (see the search), so a write whose value fits no such prefix can go, and of equal writes the
     * earliest invoked does all that the later ones could (it may take effect any number of times after). Every ghost
     * is walked past at every step of the search, so this is what keeps the shrinker's searches cheap.
     */
    private static List<Operation> usefulGhosts(List<Operation> ghostWrites, TreeSet<String> observed) {
        List<Operation> sorted = new ArrayList<>(ghostWrites);
        sorted.sort(LinearizabilityChecker.BY_INVOCATION);
        HashSet<String> seen = new HashSet<>();
        List<Operation> out = new ArrayList<>();
        for (Operation op : sorted) {
            boolean useful = switch (op.kind()) {
                case GET -> false;
                case DELETE -> true;
                case PUT, CAS -> isPrefixOfAny(op.value(), observed);
                case APPEND -> occursInAny(op.value(), observed);
            };
            String what = op.kind() + "\u0000" + op.value() + "\u0000" + op.expected();
            if (useful && seen.add(what)) {
                out.add(op);
            }
        }
        return out;
    }

    private static boolean occursInAny(String s, TreeSet<String> values) {
        for (String v : values) {
            if (v.contains(s)) {
                return true;
            }
        }
        return false;
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
