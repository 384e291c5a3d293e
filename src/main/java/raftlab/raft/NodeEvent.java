package raftlab.raft;

/**
 * Something a node did that a learner wants to see. Kept as plain fields and turned into text only when
 * printed, so a benchmark that prints nothing pays almost nothing for it.
 *
 * @param peer  the other node involved (the candidate of a vote, the node whose message caused a step-down), or 0
 * @param a     first number (commit index, first applied or removed index, vote count, snapshot index)
 * @param b     second number (last applied index, number of removed entries, snapshot term)
 * @param why   a short reason, or null
 */
public record NodeEvent(EventKind kind, int node, Role role, long term, int peer, long a, long b, String why) {

    public String describe() {
        String reason = why == null ? "" : " (" + why + ")";
        return switch (kind) {
            case ROLE -> switch (role) {
                case FOLLOWER -> "becomes follower in term " + term + reason;
                case CANDIDATE -> "becomes candidate in term " + term + reason;
                case LEADER -> "becomes leader in term " + term + " with " + a + (a == 1 ? " vote" : " votes") + reason;
            };
            case VOTE -> (a == 1 ? "votes for n" + peer : "refuses vote to n" + peer) + " in term " + term + reason;
            case COMMIT -> "commits up to index " + a;
            case APPLY -> a == b ? "applies index " + a : "applies indexes " + a + ".." + b;
            case SNAPSHOT -> (peer == 0 ? "takes a snapshot up to index " : "installs n" + peer + "'s snapshot up to index ")
                    + a + " (term " + b + ")" + reason;
            case TRUNCATE -> "removes " + b + " conflicting entr" + (b == 1 ? "y" : "ies") + " from index " + a + reason;
        };
    }
}
