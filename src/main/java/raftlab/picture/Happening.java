package raftlab.picture;

import raftlab.raft.Role;

/**
 * Something that happened at one node: a node event, a client result, a crash or a restart.
 *
 * @param seq     order among everything recorded (messages included)
 * @param node    the node, 1..N
 * @param role    for a role change, the role taken; null otherwise
 * @param granted for a vote, whether it was given (false: refused); false otherwise
 * @param text    the event in words, as the lab prints it, without the node prefix ({@code becomes leader in term 2...})
 */
public record Happening(long time, long seq, int node, HappeningKind kind, Role role, boolean granted, String text) {
    /** The letter pictures mark it with in its node's column or lane. */
    public char mark() {
        return switch (kind) {
            case ROLE -> switch (role) {
                case FOLLOWER -> 'F';
                case PRE_CANDIDATE -> 'P';
                case CANDIDATE -> 'C';
                case LEADER -> 'L';
            };
            case VOTE -> granted ? 'v' : 'r';
            case COMMIT -> 'c';
            case APPLY -> 'a';
            case TRUNCATE -> 'T';
            case TRANSFER -> 't';
            case SNAPSHOT -> 'S';
            case CONFIG -> 'M';
            case CLIENT -> '@';
            case CRASH -> 'X';
            case RESTART -> 'R';
        };
    }
}
