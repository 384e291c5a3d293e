package raftlab.sim;

import raftlab.raft.ClientReply;
import raftlab.raft.NodeEvent;

/** What the simulation reports as it runs. Every method has a no-op default; a benchmark listens to nothing. */
public interface SimListener {
    default void nodeEvent(long time, NodeEvent e) {
    }

    default void clientReply(long time, ClientOp op, ClientReply reply) {
    }

    /** A client sent a request over the network ({@link Cluster#sendRequest}): a first attempt or a retry. */
    default void clientSent(long time, ClientOp op) {
    }

    /** A request's outcome became unknowable: the node holding it crashed. */
    default void clientLost(long time, ClientOp op, String why) {
    }

    default void sent(long time, InFlight m) {
    }

    default void delivered(long time, InFlight m) {
    }

    default void dropped(long time, InFlight m, String why) {
    }

    /** Called after every event the simulation processes, for checkers that watch the whole run. */
    default void afterEvent(Cluster cluster) {
    }
}
