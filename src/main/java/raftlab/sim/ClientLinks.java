package raftlab.sim;

import java.util.HashMap;

import raftlab.raft.ClientRequest;

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
     * The same streams for the usual pairs, a client and a node, without boxing a key per message: at
     * {@code (client * (CAPACITY + 1) + node) * 2}, plus 1 for the node-to-client direction; grown as clients come.
     */
    private SimRandom[] byPair = new SimRandom[0];
    /**
     * Requests sent over the network whose answer has not reached their client yet, by request id. A request's node
     * crashing does not remove it: an answer already on its way still arrives. (A table keyed by the id itself: a
     * map keyed by a boxed id cost a box per send, reply and answer.)
     */
    private final RequestTable waiting = new RequestTable();
    /** Session client ids handed out so far (0 is the shell's own client). */
    private int lastClient;

    ClientLinks(long seed) {
        this.seed = seed;
    }

    /** The stream of the link from endpoint {@code from} to endpoint {@code to}. */
    SimRandom stream(int from, int to) {
        int client;
        int node;
        int direction;
        if (from < 0 && to > 0 && to <= Cluster.CAPACITY) {
            client = ClientRequest.clientOf(from);
            node = to;
            direction = 0;
        } else if (to < 0 && from > 0 && from <= Cluster.CAPACITY) {
            client = ClientRequest.clientOf(to);
            node = from;
            direction = 1;
        } else {
            long key = (long) from << 32 ^ (to & 0xffffffffL);
            return streams.computeIfAbsent(key, k -> SimRandom.stream(seed, SimRandom.CLIENT_LINK, from, to));
        }
        int i = (client * (Cluster.CAPACITY + 1) + node) * 2 + direction;
        if (i >= byPair.length) {
            byPair = java.util.Arrays.copyOf(byPair, Math.max(i + 1, byPair.length * 2));
        }
        SimRandom r = byPair[i];
        if (r == null) {
            r = SimRandom.stream(seed, SimRandom.CLIENT_LINK, from, to);
            byPair[i] = r;
        }
        return r;
    }

    void sent(ClientOp op) {
        waiting.put(op);
    }

    boolean travels(long requestId) {
        return waiting.get(requestId) != null;
    }

    ClientOp get(long requestId) {
        return waiting.get(requestId);
    }

    /** The request's first final answer reached its client: a later copy of an answer is not news. */
    ClientOp answered(long requestId) {
        return waiting.remove(requestId);
    }

    int newClient() {
        return ++lastClient;
    }
}
