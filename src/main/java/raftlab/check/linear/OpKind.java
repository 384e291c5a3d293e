package raftlab.check.linear;

/**
 * The key-value operations the checker understands. Every operation touches exactly one key, which is what lets the
 * checker split a history by key and check the keys independently.
 */
public enum OpKind {
    /** Sets the key to the operation's value. */
    PUT,
    /** Returns the key's current value (or absent); changes nothing. */
    GET,
    /** Concatenates the operation's value to the current value (absent counts as ""). */
    APPEND,
    /** Makes the key absent. */
    DELETE,
    /**
     * Compare-and-set: if the key holds the operation's expected value (absent included), sets it to the operation's
     * value. A CAS that found another value changed nothing and reports a failure, so only a CAS that succeeded (or
     * whose outcome is unknown) is in the checked history: the model accepts it only where the expected value holds.
     */
    CAS;

    /** Whether the operation carries a value (the new one, for a CAS). */
    public boolean hasValue() {
        return switch (this) {
            case PUT, APPEND, CAS -> true;
            case GET, DELETE -> false;
        };
    }

    /** The name in a history line: put, get, append, delete, cas. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
