package raftlab.raft;

/** One log entry: the term in which a leader created it, and its command. The index is its position. */
public record Entry(long term, Command command) {
}
