package raftlab.check.linear;

import java.util.Objects;

/**
 * One client operation on one key, as recorded by a test harness.
 *
 * @param id          unique id in the history; used to break ties so results are deterministic
 * @param client      the client that issued the operation (only used for display)
 * @param kind        what the operation does
 * @param key         the key it touches
 * @param value       the argument of a PUT or APPEND; null for GET and DELETE
 * @param invokedAt   virtual time (ms) the client sent the request
 * @param completedAt virtual time (ms) the client got the answer; ignored for UNKNOWN, and
 *                    {@link #IN_FLIGHT} if the history ended before the answer arrived
 * @param outcome     what the client learned about the operation
 * @param output      the value read by a GET, null meaning "key absent"; ignored otherwise
 */
public record Operation(int id, int client, OpKind kind, String key, String value,
                        long invokedAt, long completedAt, Outcome outcome, String output) {

    /**
     * Marks an operation still waiting for its answer when the history was cut off. The checker
     * treats such an operation as {@link Outcome#UNKNOWN}: it may or may not have happened.
     */
    public static final long IN_FLIGHT = Long.MAX_VALUE;

    public Operation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        if ((kind == OpKind.PUT || kind == OpKind.APPEND) && value == null) {
            throw new IllegalArgumentException(kind + " needs a value: op " + id);
        }
        if (outcome != Outcome.UNKNOWN && completedAt != IN_FLIGHT && completedAt < invokedAt) {
            throw new IllegalArgumentException("op " + id + " completes before it is invoked");
        }
    }

    /**
     * True if it is unknown whether the operation took effect: reported UNKNOWN, or a non-failed
     * operation still in flight when the history ended.
     */
    public boolean isUncertain() {
        return outcome == Outcome.UNKNOWN
                || (outcome == Outcome.OK && completedAt == IN_FLIGHT);
    }

    /** One readable line, e.g. {@code c2 get(x) -> "12" [104, 131]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append('c').append(client).append(' ').append(kind.name().toLowerCase())
          .append('(').append(key);
        if (kind == OpKind.PUT || kind == OpKind.APPEND) {
            sb.append(", ").append(quote(value));
        }
        sb.append(')');
        boolean uncertain = isUncertain();
        if (uncertain) {
            sb.append(" unknown");
        } else if (outcome == Outcome.FAIL) {
            sb.append(" fail");
        } else if (kind == OpKind.GET) {
            sb.append(" -> ").append(output == null ? "absent" : quote(output));
        } else {
            sb.append(" ok");
        }
        sb.append(" [").append(invokedAt).append(", ")
          .append(uncertain ? "?" : Long.toString(completedAt)).append(']');
        return sb.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
