package raftlab.check.invariant;

import java.util.Arrays;
import java.util.HashMap;

/**
 * A number per term, 0 for none: what Election Safety (the leader of each term) and Term Origin (whether a term was
 * started) remember. Terms are small in practice, so they index an array that grows as they do, with no boxed key
 * per lookup; a term beyond {@link #DIRECT} (only an implementation with strange terms reaches one) goes to a map.
 */
final class TermTable {
    private static final long DIRECT = 1 << 16;
    private int[] direct = new int[64];
    private final HashMap<Long, Integer> far = new HashMap<>();

    /** The number for {@code term}, or 0. */
    int get(long term) {
        if (term >= 0 && term < DIRECT) {
            return term < direct.length ? direct[(int) term] : 0;
        }
        return far.getOrDefault(term, 0);
    }

    /** Sets the number for {@code term} (not 0). */
    void put(long term, int value) {
        if (term >= 0 && term < DIRECT) {
            if (term >= direct.length) {
                direct = Arrays.copyOf(direct, (int) Math.min(DIRECT, Math.max(term + 1, 2L * direct.length)));
            }
            direct[(int) term] = value;
        } else {
            far.put(term, value);
        }
    }
}
