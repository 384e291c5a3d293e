package raftlab.raft;

/** What a log entry asks the key-value state machine to do. NOOP is the entry a new leader appends. */
public enum CommandKind {
    NOOP, PUT, GET, APPEND, DELETE;

    public String label() {
        return name().toLowerCase();
    }
}
