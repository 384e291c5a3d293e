package raftlab.check.linear;

/**
 * The four key-value operations the checker understands. Every operation touches exactly one
 * key, which is what lets the checker split a history by key and check the keys independently.
 */
public enum OpKind {
    /** Sets the key to the operation's value. */
    PUT,
    /** Returns the key's current value (or absent); changes nothing. */
    GET,
    /** Concatenates the operation's value to the current value (absent counts as ""). */
    APPEND,
    /** Makes the key absent. */
    DELETE
}
