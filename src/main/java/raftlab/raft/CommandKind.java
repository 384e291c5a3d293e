package raftlab.raft;

/**
 * What a log entry asks the key-value state machine to do. NOOP is the entry a new leader appends. CONFIG is a
 * configuration entry (membership change): its value is the new {@link Configuration}, as {@link Configuration#format}
 * writes it; the state machine ignores it, the nodes act on it as soon as it is in their log. CAS (compare-and-set)
 * comes last so that the earlier constants keep their order.
 */
public enum CommandKind {
    NOOP, PUT, GET, APPEND, DELETE, CONFIG, CAS;

    public String label() {
        return name().toLowerCase();
    }
}
