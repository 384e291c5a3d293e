package raftlab.raft;

/**
 * A state-machine command carried by a log entry.
 *
 * @param requestId the client request that proposed it (0 for a leader's no-op); the proposing leader uses
 *                  it to tell, when it applies the index, whether its own entry survived or was overwritten
 */
public record Command(CommandKind kind, String key, String value, long requestId) {
    public static final Command NOOP = new Command(CommandKind.NOOP, null, null, 0);

    /** A configuration entry a leader appends for a membership change (no client request). */
    public static Command config(Configuration c) {
        return new Command(CommandKind.CONFIG, null, c.format(), 0);
    }

    /** Short form for logs and events: {@code put x=1}, {@code get x}, {@code noop}. */
    public String describe() {
        return switch (kind) {
            case NOOP -> "noop";
            case CONFIG -> "config " + value;
            case PUT -> "put " + key + "=" + value;
            case APPEND -> "append " + key + "+=" + value;
            case GET, DELETE -> kind.label() + " " + key;
        };
    }
}
