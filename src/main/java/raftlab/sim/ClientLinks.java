package raftlab.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;

import raftlab.raft.ClientRequest;
import raftlab.raft.Message;

/**
 * The clients' side of the virtual network: which requests travel it (as {@link ClientRequest}s, answered by
 * {@link raftlab.raft.ClientResponse}s), and one random stream per client link, drawn from like a node link's (its
 * latency, loss and duplication), so that a client's traffic changes no other link's draws. Requests the lab hands
 * straight to a node ({@link Cluster#submit}) are not here.
 */
final class ClientLinks {
    private final long seed;
    /** Per (from, to) endpoint pair: the link's stream, made on first use (each is a pure function of the pair). */
    private final HashMap<Long, SimRandom> streams = new HashMap<>();
    /**
     * Requests sent over the network whose answer has not reached their client yet, by request id. A request's node
     * crashing does not remove it: an answer already on its way still arrives.
     */
    private final LinkedHashMap<Long, ClientOp> waiting = new LinkedHashMap<>();
    /** Session client ids handed out so far (0 is the shell's own client). */
    private int lastClient;

    ClientLinks(long seed) {
        this.seed = seed;
    }

    SimRandom stream(Message m) {
        long key = (long) m.from() << 32 ^ (m.to() & 0xffffffffL);
        return streams.computeIfAbsent(key, k -> SimRandom.stream(seed, SimRandom.CLIENT_LINK, m.from(), m.to()));
    }

    void sent(ClientOp op) {
        waiting.put(op.requestId(), op);
    }

    boolean travels(long requestId) {
        return waiting.containsKey(requestId);
    }

    ClientOp get(long requestId) {
        return waiting.isEmpty() ? null : waiting.get(requestId); // no boxing when no client uses the network
    }

    /** The request's first final answer reached its client: a later copy of an answer is not news. */
    ClientOp answered(long requestId) {
        return waiting.remove(requestId);
    }

    int newClient() {
        return ++lastClient;
    }
}
