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

    /*
     * The counters come in rows of four (SENT, DELIVERED, DROPPED, DUPLICATED), kept in flat arrays: every message is
     * counted at least twice (sent, delivered), and an array of rows cost a load and a null test per row. A row never
     * counted is all zeros, and is left out of byType() and byNode().
     */
    /** Counts per message type: the row of a type's ordinal. */
    private final long[] byType = new long[MessageType.values().length * 4];
    /** Counts per node id: the row of the id; grown when a higher id shows up. */
    private long[] byNode = new long[8 * 4];
    private final long[] total = new long[4];

    /** Counts one message of {@code kind}: {@code what} happened to it at {@code node} (below 0: a client). */
    void count(MessageType kind, int what, int node) {
        total[what]++;
        byType[kind.ordinal() * 4 + what]++;
        if (node < 0) {
            return; // a client's end of a client link: counted by type, not as a node
        }
        int at = node * 4 + what;
        if (at >= byNode.length) {
            byNode = java.util.Arrays.copyOf(byNode, Math.max((node + 1) * 4, byNode.length * 2));
        }
        byNode[at]++;
    }

    /** Row {@code row}'s four counters (a copy), or null if it was never counted. */
    private static long[] row(long[] counters, int row) {
        int at = row * 4;
        if (counters[at] == 0 && counters[at + 1] == 0 && counters[at + 2] == 0 && counters[at + 3] == 0) {
            return null;
        }
        return java.util.Arrays.copyOfRange(counters, at, at + 4);
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

    /** Per message type: counts indexed by SENT, DELIVERED, DROPPED, DUPLICATED (copies). */
    public Map<String, long[]> byType() {
        TreeMap<String, long[]> out = new TreeMap<>();
        for (MessageType type : MessageType.values()) {
            long[] counts = row(byType, type.ordinal());
            if (counts != null) {
                out.put(type.label, counts);
            }
        }
        return out;
    }

    /** Per node, by ascending id: counts indexed by SENT, DELIVERED, DROPPED, DUPLICATED (copies). */
    public Map<Integer, long[]> byNode() {
        TreeMap<Integer, long[]> out = new TreeMap<>();
        for (int id = 0; id < byNode.length / 4; id++) {
            long[] counts = row(byNode, id);
            if (counts != null) {
                out.put(id, counts);
            }
        }
        return out;
    }
}
