package raftlab.raft;

/**
 * What a log entry asks the key-value state machine to do. NOOP is the entry a new leader appends. CAS (compare-and-set)
 * comes last so that the earlier constants keep their order.
 */
public enum CommandKind {
    NOOP, PUT, GET, APPEND, DELETE, CAS;

    public String label() {
        return name().toLowerCase();
    }
}
