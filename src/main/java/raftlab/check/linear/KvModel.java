package raftlab.check.linear;

import java.util.Objects;

/**
 * The sequential specification of one key: the state is its value, null meaning absent.
 * Kept apart from the search so the search stays a generic Wing-Gong-Lowe loop.
 */
final class KvModel {
    private KvModel() {
    }

    /**
     * Whether {@code kind} may run in {@code state}: a GET with a known answer must read {@code output}, a CAS must
     * find {@code expected} (whether or not its outcome is known: a CAS that took effect found it, and one that found
     * anything else changed nothing, which is the same as not taking effect). Other writes always may.
     */
    static boolean accepts(String state, OpKind kind, String output, String expected, boolean uncertain) {
        return switch (kind) {
            case GET -> uncertain || Objects.equals(state, output);
            case CAS -> Objects.equals(state, expected);
            case PUT, APPEND, DELETE -> true;
        };
    }

    /** The state after the operation (for a CAS, after one that found its expected value). */
    static String apply(String state, OpKind kind, String value) {
        return switch (kind) {
            case PUT, CAS -> value;
            case APPEND -> state == null ? value : state.concat(value);
            case DELETE -> null;
            case GET -> state;
        };
    }
}
