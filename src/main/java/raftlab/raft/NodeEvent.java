package raftlab.raft;

/**
 * Something a node did that a learner wants to see. Kept as plain fields and turned into text only when
 * printed, so a benchmark that prints nothing pays almost nothing for it.
 *
 * @param peer  the other node involved (the candidate of a vote, the node whose message caused a step-down), or 0
 * @param a     first number (commit index, first applied or removed index, vote count, 1 for a vote granted,
 *              the step of a transfer: 1 started, 2 TimeoutNow sent, 0 abandoned; snapshot index; the index of a
 *              configuration entry, 0 for a refused change)
 * @param b     second number (last applied index, number of removed entries, 1 for a pre-vote, snapshot term)
 * @param why   a short reason, or null
 */
public record NodeEvent(EventKind kind, int node, Role role, long term, int peer, long a, long b, String why) {

    /** {@code node} took {@code role} in {@code term}; a new leader says how many votes it had ({@code votes}, else 0). */
    public static NodeEvent role(int node, Role role, long term, int votes, String why) {
        return new NodeEvent(EventKind.ROLE, node, role, term, 0, votes, 0, why);
    }

    /** {@code node} (in {@code role}) granted or refused its vote to {@code candidate} in {@code term}. */
    public static NodeEvent vote(int node, Role role, long term, int candidate, boolean granted, String why) {
        return new NodeEvent(EventKind.VOTE, node, role, term, candidate, granted ? 1 : 0, 0, why);
    }

    /** {@code node} became (or stayed) a follower in {@code term} because of a message from {@code cause} (or 0). */
    public static NodeEvent follower(int node, long term, int cause, String why) {
        return new NodeEvent(EventKind.ROLE, node, Role.FOLLOWER, term, cause, 0, 0, why);
    }

    /** {@code node}'s commitIndex moved up to {@code index}. */
    public static NodeEvent commit(int node, Role role, long term, long index) {
        return new NodeEvent(EventKind.COMMIT, node, role, term, 0, index, 0, null);
    }

    /** {@code node} applied the entries {@code first..last} to its state machine. */
    public static NodeEvent apply(int node, Role role, long term, long first, long last) {
        return new NodeEvent(EventKind.APPLY, node, role, term, 0, first, last, null);
    }

    /** {@code node} removed {@code count} conflicting entries from index {@code from} on. */
    public static NodeEvent truncate(int node, Role role, long term, long from, long count, String why) {
        return new NodeEvent(EventKind.TRUNCATE, node, role, term, 0, from, count, why);
    }

    public String describe() {
        String reason = why == null ? "" : " (" + why + ")";
        return switch (kind) {
            case ROLE -> switch (role) {
                case FOLLOWER -> "becomes follower in term " + term + reason;
                case PRE_CANDIDATE -> "becomes pre-candidate in term " + term + reason;
                case CANDIDATE -> "becomes candidate in term " + term + reason;
                case LEADER -> "becomes leader in term " + term + " with " + a + (a == 1 ? " vote" : " votes") + reason;
            };
            case VOTE -> b == 1
                    ? (a == 1 ? "promises a pre-vote to n" + peer : "refuses a pre-vote to n" + peer) + " for term "
                            + term + reason
                    : (a == 1 ? "votes for n" + peer : "refuses vote to n" + peer) + " in term " + term + reason;
            case COMMIT -> "commits up to index " + a;
            case APPLY -> a == b ? "applies index " + a : "applies indexes " + a + ".." + b;
            case SNAPSHOT -> (peer == 0 ? "takes a snapshot up to index " : "installs n" + peer + "'s snapshot up to index ")
                    + a + " (term " + b + ")" + reason;
            case TRUNCATE -> "removes " + b + " conflicting entr" + (b == 1 ? "y" : "ies") + " from index " + a + reason;
            case CONFIG -> a == 0 ? "refuses the membership change" + reason
                    : "appends configuration entry at index " + a + reason;
            case TRANSFER -> switch ((int) a) {
                case 1 -> "starts transferring leadership to n" + peer + reason;
                case 2 -> "sends TimeoutNow to n" + peer + reason;
                default -> "abandons the leadership transfer to n" + peer + reason;
            };
        };
    }
}
