package raftlab.sim;

import raftlab.raft.Command;

/** A client request the simulation is tracking: what was asked, of which node, and when. */
public record ClientOp(long requestId, Command command, int node, long invokedAt) {
    /** {@code put x=1} etc. */
    public String describe() {
        return command.describe();
    }
}
