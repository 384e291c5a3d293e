package raftlab.raft;

/** Kinds of observable node events; the lab filters {@code events} by these. */
public enum EventKind {
    /** Role or term changed: became follower, candidate or leader. */
    ROLE,
    /** A vote was granted or refused. */
    VOTE,
    /** commitIndex advanced. */
    COMMIT,
    /** Entries were applied to the state machine. */
    APPLY,
    /** Conflicting entries were removed from a follower's log. */
    TRUNCATE,
    /** A leader started, completed its part of, or abandoned a leadership transfer. */
    TRANSFER,
    /** A snapshot replaced a prefix of the log: taken by the node, or installed from the leader. */
    SNAPSHOT,
    /** A leader appended a configuration entry (membership change), or refused to. */
    CONFIG;

    public String label() {
        return name().toLowerCase();
    }
}
