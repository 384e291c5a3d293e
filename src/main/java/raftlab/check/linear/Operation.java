package raftlab.check.linear;

import java.util.Objects;

/**
 * One client operation on one key, as recorded by a test harness.
 *
 * @param id          unique id in the history; used to break ties so results are deterministic
 * @param client      the client that issued the operation (only used for display)
 * @param kind        what the operation does
 * @param key         the key it touches
 * @param value       the argument of a PUT or APPEND, the new value of a CAS; null for GET and DELETE
 * @param invokedAt   virtual time (ms) the client sent the request
 * @param completedAt virtual time (ms) the client got the answer; ignored for UNKNOWN, and
 *                    {@link #IN_FLIGHT} if the history ended before the answer arrived
 * @param outcome     what the client learned about the operation
 * @param output      the value read by a GET, null meaning "key absent"; ignored otherwise
 * @param expected    the value a CAS expects to find, null meaning "key absent"; null for every other kind
 */
public record Operation(int id, int client, OpKind kind, String key, String value,
                        long invokedAt, long completedAt, Outcome outcome, String output, String expected) {

    /**
     * Marks an operation still waiting for its answer when the history was cut off. The checker
     * treats such an operation as {@link Outcome#UNKNOWN}: it may or may not have happened.
     */
    public static final long IN_FLIGHT = Long.MAX_VALUE;

    public Operation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        if (kind.hasValue() && value == null) {
            throw new IllegalArgumentException(kind + " needs a value: op " + id);
        }
        if (kind != OpKind.CAS && expected != null) {
            throw new IllegalArgumentException("only a CAS expects a value: op " + id);
        }
        if (outcome != Outcome.UNKNOWN && completedAt != IN_FLIGHT && completedAt < invokedAt) {
            throw new IllegalArgumentException("op " + id + " completes before it is invoked");
        }
    }

    /** An operation other than a CAS (or a CAS that expects the key absent). */
    public Operation(int id, int client, OpKind kind, String key, String value,
                     long invokedAt, long completedAt, Outcome outcome, String output) {
        this(id, client, kind, key, value, invokedAt, completedAt, outcome, output, null);
    }

    /** The same operation with another outcome. */
    public Operation withOutcome(Outcome o) {
        return new Operation(id, client, kind, key, value, invokedAt, completedAt, o, output, expected);
    }

    /**
     * True if it is unknown whether the operation took effect: reported UNKNOWN, or a non-failed
     * operation still in flight when the history ended.
     */
    public boolean isUncertain() {
        return outcome == Outcome.UNKNOWN
                || (outcome == Outcome.OK && completedAt == IN_FLIGHT);
    }

    /**
     * One readable line, e.g. {@code c2 get(x) -> "12" [104, 131]} or {@code c1 cas(x, "12", "13") ok [140, 152]}
     * (a CAS expecting the key absent shows {@code absent}). A key is written bare unless it needs quotes (empty, or
     * with a space, comma, parenthesis, quote or backslash), so {@code HistoryText} can read every line back.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append('c').append(client).append(' ').append(kind.label())
          .append('(').append(bareKey(key) ? key : quote(key));
        if (kind == OpKind.CAS) {
            sb.append(", ").append(expected == null ? "absent" : quote(expected));
        }
        if (kind.hasValue()) {
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

    /** Whether a key reads back unquoted: not empty, no character the line's syntax uses. */
    static boolean bareKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '(' || c == ')' || c == '"'
                    || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }
}
