package raftlab.raft;

/**
 * What the state machine remembers of one client for exactly-once operations: the sequence number of the last
 * operation it applied for the client and that operation's result (the value a get read or a cas found; null
 * otherwise). A retry of that operation is answered with the result instead of being applied again. Only the last
 * operation is kept: a client has one operation under way at a time, so once it sends seq n it has its answer to
 * every seq below n, and a copy of an older one still arriving is stale.
 */
public record ClientSession(long seq, String result) {
}
