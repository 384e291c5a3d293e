package raftlab.sim;

/**
 * A node implementation broke its contract: it threw, did not return from a step in time, returned malformed effects
 * or reported an impossible state. Not a Raft bug the checkers look for, but a failure of the code itself, so the
 * run stops at once. The message is one line naming the node, the step and the problem.
 */
public final class NodeFailure extends RuntimeException {
    public NodeFailure(String message) {
        super(message, null, false, false);
    }

    /** The same failure, with where it happened said first (e.g. the explored seed). */
    public NodeFailure within(String where) {
        return new NodeFailure(where + ": " + getMessage());
    }
}
