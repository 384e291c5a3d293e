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
     * Whether {@code kind} may run in {@code state} and answer {@code output}. Only a GET with a
     * known answer is constrained; writes always succeed and uncertain ops report nothing.
     */
    static boolean accepts(String state, OpKind kind, String output, boolean uncertain) {
        return kind != OpKind.GET || uncertain || Objects.equals(state, output);
    }

    /** The state after the operation. */
    static String apply(String state, OpKind kind, String value) {
        return switch (kind) {
            case PUT -> value;
            case APPEND -> state == null ? value : state.concat(value);
            case DELETE -> null;
            case GET -> state;
        };
    }
}
