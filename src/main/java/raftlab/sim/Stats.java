package raftlab.sim;

import java.util.Map;
import java.util.TreeMap;

import raftlab.raft.MessageType;

/**
 * Message counters: what a student compares with an RPC budget. By type and by node (sent counts the sender,
 * delivered and dropped the receiver). Sorted maps keep printing stable.
 */
public final class Stats {
    public static final int SENT = 0;
    public static final int DELIVERED = 1;
    public static final int DROPPED = 2;
    public static final int DUPLICATED = 3;

    /** Counts per message type, by ordinal; null for a type not seen yet (it is then left out of {@link #byType}). */
    private final long[][] byType = new long[MessageType.values().length][];
    /** Counts per node id, indexed by id (null for a node not seen yet); grown when a higher id shows up. */
    private long[][] byNode = new long[8][];
    private final long[] total = new long[4];

    /** Counts one message of {@code kind}: {@code what} happened to it at {@code node} (below 0: a client). */
    void count(MessageType kind, int what, int node) {
        total[what]++;
        long[] t = byType[kind.ordinal()];
        if (t == null) {
            t = new long[4];
            byType[kind.ordinal()] = t;
        }
        t[what]++;
        if (node < 0) {
            return; // a client's end of a client link: counted by type, not as a node
        }
        if (node >= byNode.length) {
            byNode = java.util.Arrays.copyOf(byNode, Math.max(node + 1, byNode.length * 2));
        }
        long[] n = byNode[node];
        if (n == null) {
            n = new long[4];
            byNode[node] = n;
        }
        n[what]++;
    }

    public long sent() {
        return total[SENT];
    }

    public long delivered() {
        return total[DELIVERED];
    }

    public long dropped() {
        return total[DROPPED];
    }

    public long duplicated() {
        return total[DUPLICATED];
    }

    /** Per message type: counts indexed by SENT, DELIVERED, DROPPED, DUPLICATED. */
    public Map<String, long[]> byType() {
        TreeMap<String, long[]> out = new TreeMap<>();
        for (MessageType type : MessageType.values()) {
            if (byType[type.ordinal()] != null) {
                out.put(type.label, byType[type.ordinal()]);
            }
        }
        return out;
    }

    /** Per node, by ascending id: counts indexed by SENT, DELIVERED, DROPPED, DUPLICATED (the live arrays). */
    public Map<Integer, long[]> byNode() {
        TreeMap<Integer, long[]> out = new TreeMap<>();
        for (int id = 0; id < byNode.length; id++) {
            if (byNode[id] != null) {
                out.put(id, byNode[id]);
            }
        }
        return out;
    }
}
