package raftlab.raft;

/**
 * A state-machine command carried by a log entry.
 *
 * @param requestId the client request that proposed it (0 for a leader's no-op); the proposing leader uses
 *                  it to tell, when it applies the index, whether its own entry survived or was overwritten. Each
 *                  attempt (each retry) of a client's operation has a request id of its own.
 * @param client    the client that issued it; with {@code seq}, what makes a retry recognisable as one
 * @param seq       the client's sequence number for the operation, the same on every retry; 0 for a command with
 *                  no client session (a no-op, or a request sent the old way), which the state machine never dedups
 * @param expected  for a CAS, the value the key must hold for {@code value} to replace it (never absent: a CAS
 *                  expects a value); null for every other kind
 */
public record Command(CommandKind kind, String key, String value, long requestId, int client, long seq,
                      String expected) {
    public static final Command NOOP = new Command(CommandKind.NOOP, null, null, 0);

    /** A configuration entry a leader appends for a membership change (no client request). */
    public static Command config(Configuration c) {
        return new Command(CommandKind.CONFIG, null, c.format(), 0);
    }

    public Command {
        if (kind == CommandKind.CAS && (expected == null || value == null)) {
            throw new IllegalArgumentException("a cas needs an expected value and a new one");
        }
        if (kind != CommandKind.CAS && expected != null) {
            throw new IllegalArgumentException("only a cas expects a value");
        }
    }

    /** A command without a client session (kept so that code written before sessions compiles unchanged). */
    public Command(CommandKind kind, String key, String value, long requestId) {
        this(kind, key, value, requestId, 0, 0, null);
    }

    /** {@code cas key expected value}: sets the key to {@code value} if it holds {@code expected}. */
    public static Command cas(String key, String expected, String value, long requestId) {
        return new Command(CommandKind.CAS, key, value, requestId, 0, 0, expected);
    }

    /** The same command as client {@code client}'s operation number {@code seq} (seq from 1). */
    public Command inSession(int client, long seq) {
        return new Command(kind, key, value, requestId, client, seq, expected);
    }

    /** The same command, sent again as attempt {@code requestId}. */
    public Command withRequestId(long requestId) {
        return new Command(kind, key, value, requestId, client, seq, expected);
    }

    /** Whether the state machine keeps this command's result for its client, to answer a retry with it. */
    public boolean hasSession() {
        return seq > 0;
    }

    /** Short form for logs and events: {@code put x=1}, {@code get x}, {@code cas x 1->2}, {@code noop}. */
    public String describe() {
        return switch (kind) {
            case NOOP -> "noop";
            case CONFIG -> "config " + value;
            case PUT -> "put " + key + "=" + value;
            case APPEND -> "append " + key + "+=" + value;
            case CAS -> "cas " + key + " " + expected + "->" + value;
            case GET, DELETE -> kind.label() + " " + key;
        };
    }
}
