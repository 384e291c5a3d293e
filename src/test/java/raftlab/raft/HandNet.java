package raftlab.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * A tiny network of {@link TestNode}s moved by hand: each {@link #hop()} delivers every message sent so far (in
 * send order) and nothing sent during the hop, so a request and its reply are two hops: one round trip.
 */
final class HandNet {
    final TestNode[] nodes;
    /** Messages to these ids are silently lost. */
    final boolean[] down;
    int delivered;
    /** Every message delivered, in order. */
    final List<Message> trace = new ArrayList<>();

    HandNet(TestNode... nodes) {
        this.nodes = new TestNode[nodes.length + 1];
        for (TestNode n : nodes) {
            this.nodes[n.id] = n;
        }
        this.down = new boolean[nodes.length + 1];
    }

    TestNode n(int id) {
        return nodes[id];
    }

    /** Delivers everything currently sent; returns how many messages moved (lost ones excluded). */
    int hop() {
        List<Message> batch = new ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            batch.addAll(nodes[i].env.sent);
            nodes[i].env.sent.clear();
        }
        int moved = 0;
        for (Message m : batch) {
            if (!down[m.to()]) {
                trace.add(m);
                nodes[m.to()].node.receive(m);
                moved++;
            }
        }
        delivered += moved;
        return moved;
    }

    /** Hops until quiet; returns the number of round trips (two hops each, rounded up). Fails after {@code max}. */
    int settle(int maxHops) {
        int hops = 0;
        while (hop() > 0) {
            hops++;
            if (hops > maxHops) {
                throw new AssertionError("still busy after " + maxHops + " hops");
            }
        }
        return (hops + 1) / 2;
    }

    /** Delivered messages of a type to one node. */
    <T extends Message> List<T> deliveredTo(int id, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Message m : trace) {
            if (m.to() == id && type.isInstance(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }

    /** Drops everything sent so far. */
    void lose() {
        for (int i = 1; i < nodes.length; i++) {
            nodes[i].env.sent.clear();
        }
    }
}
