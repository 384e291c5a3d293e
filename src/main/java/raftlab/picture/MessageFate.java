package raftlab.picture;

/** What became of a recorded message. */
public enum MessageFate {
    /** Still on the wire when the record was read. */
    IN_FLIGHT,
    DELIVERED,
    /** Lost at send, dropped by a cut link or a down node, or dropped by the user. */
    DROPPED
}
