package raftlab.picture;

import raftlab.raft.EventKind;

/** Kinds of things that happen at one node (as opposed to messages between nodes). */
public enum HappeningKind {
    ROLE, VOTE, COMMIT, APPLY, TRUNCATE, TRANSFER, SNAPSHOT, CONFIG, CLIENT, CRASH, RESTART;

    static HappeningKind of(EventKind k) {
        return switch (k) {
            case ROLE -> ROLE;
            case VOTE -> VOTE;
            case COMMIT -> COMMIT;
            case APPLY -> APPLY;
            case TRUNCATE -> TRUNCATE;
            case TRANSFER -> TRANSFER;
            case SNAPSHOT -> SNAPSHOT;
            case CONFIG -> CONFIG;
        };
    }

    /** The lower-case name the lab's filters use ({@code role}, {@code client}...). */
    public String label() {
        return name().toLowerCase();
    }
}
