package raftlab.raft;

/**
 * A node's answer to a client request.
 *
 * @param index      log index the request was placed at (ACCEPTED, OK, FAILED) or 0
 * @param value      for an OK get: the value read, or null when the key is absent
 * @param leaderHint for REDIRECT and UNKNOWN: the leader the node believes in, or 0 if it knows none
 */
public record ClientReply(long requestId, Status status, long index, String value, int leaderHint, String why) {
    /** A leader placed the request at {@code index}; the final answer follows when that index is applied. */
    public static ClientReply accepted(long requestId, long index, int leader) {
        return new ClientReply(requestId, Status.ACCEPTED, index, null, leader, null);
    }

    /** The request's entry at {@code index} was applied; {@code value} is what a get read (else null). */
    public static ClientReply ok(long requestId, long index, String value) {
        return new ClientReply(requestId, Status.OK, index, value, 0, null);
    }

    /**
     * A read served without a log entry ({@code --reads readindex|lease}): {@code index} is the read index it was served
     * at, {@code how} says how it was decided (it prints where an entry's answer prints its index).
     */
    public static ClientReply read(long requestId, long index, String value, String how) {
        return new ClientReply(requestId, Status.OK, index, value, 0, how);
    }

    /** Another entry was committed at the request's {@code index}: the request did not take effect. */
    public static ClientReply failed(long requestId, long index, String why) {
        return new ClientReply(requestId, Status.FAILED, index, null, 0, why);
    }

    /** This node does not lead; {@code leaderHint} is the leader it knows of, or 0. */
    public static ClientReply redirect(long requestId, int leaderHint, String why) {
        return new ClientReply(requestId, Status.REDIRECT, 0, null, leaderHint, why);
    }

    public enum Status {
        /** The leader appended the request to its log; the final answer comes when it is applied. */
        ACCEPTED,
        /** Committed and applied. */
        OK,
        /** The node is not the leader. */
        REDIRECT,
        /** The entry at the request's index turned out to be another one: the request did not take effect. */
        FAILED,
        /**
         * The leader stepped down (with CheckQuorum) before the request's index was decided: the entry may still be
         * committed by a later leader, or not. The client should go elsewhere and treat the outcome as unknown.
         */
        UNKNOWN
    }
}
