package raftlab.sim;

import java.util.Map;
import java.util.TreeMap;

import raftlab.raft.Message;

/** Message counters by type: what a student compares with an RPC budget. Sorted maps keep printing stable. */
public final class Stats {
    private final TreeMap<String, long[]> byType = new TreeMap<>();
    private long sent;
    private long delivered;
    private long dropped;

    private long[] row(Message m) {
        return byType.computeIfAbsent(m.type(), k -> new long[3]);
    }

    void sent(Message m) {
        sent++;
        row(m)[0]++;
    }

    void delivered(Message m) {
        delivered++;
        row(m)[1]++;
    }

    void dropped(Message m) {
        dropped++;
        row(m)[2]++;
    }

    public long sent() {
        return sent;
    }

    public long delivered() {
        return delivered;
    }

    public long dropped() {
        return dropped;
    }

    /** Per message type: {sent, delivered, dropped}. */
    public Map<String, long[]> byType() {
        return byType;
    }
}
