package raftlab.check.linear;

/**
 * What the client learned about an operation. The distinction matters because a distributed
 * client often times out without knowing whether its request was applied.
 */
public enum Outcome {
    /** The operation took effect somewhere between its invocation and its completion. */
    OK,
    /** The operation definitely did not take effect; the checker drops it from the history. */
    FAIL,
    /**
     * The operation may or may not have taken effect, at any time after its invocation. Its
     * completion time is treated as +infinity and its output (for a GET) is unconstrained.
     */
    UNKNOWN
}
