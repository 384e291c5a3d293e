package raftlab.sim;

import java.util.Map;
import java.util.TreeMap;

import raftlab.raft.Message;

/**
 * Message counters: what a student compares with an RPC budget. By type and by node (sent counts the sender,
 * delivered and dropped the receiver). Sorted maps keep printing stable.
 */
public final class Stats {
    public static final int SENT = 0;
    public static final int DELIVERED = 1;
    public static final int DROPPED = 2;
    public static final int DUPLICATED = 3;

    private final TreeMap<String, long[]> byType = new TreeMap<>();
    private final TreeMap<Integer, long[]> byNode = new TreeMap<>();
    private final long[] total = new long[4];

    private void count(Message m, int what, int node) {
        total[what]++;
        long[] t = byType.get(m.type());
        if (t == null) {
            t = new long[4];
            byType.put(m.type(), t);
        }
        t[what]++;
        long[] n = byNode.get(node);
        if (n == null) {
            n = new long[4];
            byNode.put(node, n);
        }
        n[what]++;
    }

    void sent(Message m) {
        count(m, SENT, m.from());
    }

    void delivered(Message m) {
        count(m, DELIVERED, m.to());
    }

    void dropped(Message m) {
        count(m, DROPPED, m.to());
    }

    void duplicated(Message m) {
        count(m, DUPLICATED, m.from());
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
        return byType;
    }

    /** Per node: counts indexed by SENT, DELIVERED, DROPPED, DUPLICATED. */
    public Map<Integer, long[]> byNode() {
        return byNode;
    }
}
