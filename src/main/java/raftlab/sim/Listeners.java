package raftlab.sim;

import java.util.ArrayList;
import java.util.List;

import raftlab.raft.ClientReply;
import raftlab.raft.NodeEvent;

/**
 * The cluster's listeners, and for each kind of report the ones that listen to it: most listeners override one or
 * two of {@link SimListener}'s methods, and calling the empty defaults of the others for every message and event
 * was a measurable part of a checked run. The arrays keep the order the listeners were added in, and are made anew
 * on every add or remove (rare), so a loop that reads the field at each step sees a change made during it as a
 * loop over the list would.
 */
final class Listeners {
    private static final SimListener[] NONE = {};
    /** The reports, as bits of {@link #OVERRIDES}' masks, in the order of the arrays below. */
    private static final int NODE_EVENT = 1;
    private static final int CLIENT_REPLY = 1 << 1;
    private static final int CLIENT_SENT = 1 << 2;
    private static final int CLIENT_LOST = 1 << 3;
    private static final int SENT = 1 << 4;
    private static final int DELIVERED = 1 << 5;
    private static final int DROPPED = 1 << 6;
    private static final int AFTER_EVENT = 1 << 7;
    /**
     * Per listener class, which reports it overrides: looked up by reflection once per class, not at every add (an
     * explore run adds a handful of listeners to a new cluster per schedule, and the reflection showed in profiles).
     */
    private static final ClassValue<Integer> OVERRIDES = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            int mask = 0;
            mask |= overrides(type, "nodeEvent", long.class, NodeEvent.class) ? NODE_EVENT : 0;
            mask |= overrides(type, "clientReply", long.class, ClientOp.class, ClientReply.class) ? CLIENT_REPLY : 0;
            mask |= overrides(type, "clientSent", long.class, ClientOp.class) ? CLIENT_SENT : 0;
            mask |= overrides(type, "clientLost", long.class, ClientOp.class, String.class) ? CLIENT_LOST : 0;
            mask |= overrides(type, "sent", long.class, InFlight.class) ? SENT : 0;
            mask |= overrides(type, "delivered", long.class, InFlight.class) ? DELIVERED : 0;
            mask |= overrides(type, "dropped", long.class, InFlight.class, String.class) ? DROPPED : 0;
            mask |= overrides(type, "afterEvent", Cluster.class) ? AFTER_EVENT : 0;
            return mask;
        }
    };
    private final List<SimListener> all = new ArrayList<>();

    SimListener[] nodeEvent = NONE;
    SimListener[] clientReply = NONE;
    SimListener[] clientSent = NONE;
    SimListener[] clientLost = NONE;
    SimListener[] sent = NONE;
    SimListener[] delivered = NONE;
    SimListener[] dropped = NONE;
    SimListener[] afterEvent = NONE;

    void add(SimListener l) {
        all.add(l);
        rebuild();
    }

    void remove(SimListener l) {
        all.remove(l);
        rebuild();
    }

    private void rebuild() {
        int[] masks = new int[all.size()];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = OVERRIDES.get(all.get(i).getClass());
        }
        nodeEvent = overriding(masks, NODE_EVENT);
        clientReply = overriding(masks, CLIENT_REPLY);
        clientSent = overriding(masks, CLIENT_SENT);
        clientLost = overriding(masks, CLIENT_LOST);
        sent = overriding(masks, SENT);
        delivered = overriding(masks, DELIVERED);
        dropped = overriding(masks, DROPPED);
        afterEvent = overriding(masks, AFTER_EVENT);
    }

    /** The listeners whose class overrides the report {@code bit} (a lambda or proxy counts as overriding everything). */
    private SimListener[] overriding(int[] masks, int bit) {
        int n = 0;
        for (int m : masks) {
            if ((m & bit) != 0) {
                n++;
            }
        }
        if (n == 0) {
            return NONE;
        }
        SimListener[] out = new SimListener[n];
        int k = 0;
        for (int i = 0; i < masks.length; i++) {
            if ((masks[i] & bit) != 0) {
                out[k++] = all.get(i);
            }
        }
        return out;
    }

    private static boolean overrides(Class<?> type, String method, Class<?>... params) {
        try {
            return type.getMethod(method, params).getDeclaringClass() != SimListener.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return true; // cannot tell: call it
        }
    }
}
