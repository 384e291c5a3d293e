package raftlab.picture;

/**
 * Something that happened at one node: a node event, a client result, a crash or a restart.
 *
 * @param seq  order among everything recorded (messages included)
 * @param node the node, 1..N
 * @param text the event in words, as the lab prints it, without the node prefix ({@code becomes leader in term 2...})
 */
public record Happening(long time, long seq, int node, HappeningKind kind, String text) {
}
