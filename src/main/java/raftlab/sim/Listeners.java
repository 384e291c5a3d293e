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
        nodeEvent = overriding("nodeEvent", long.class, NodeEvent.class);
        clientReply = overriding("clientReply", long.class, ClientOp.class, ClientReply.class);
        clientSent = overriding("clientSent", long.class, ClientOp.class);
        clientLost = overriding("clientLost", long.class, ClientOp.class, String.class);
        sent = overriding("sent", long.class, InFlight.class);
        delivered = overriding("delivered", long.class, InFlight.class);
        dropped = overriding("dropped", long.class, InFlight.class, String.class);
        afterEvent = overriding("afterEvent", Cluster.class);
    }

    /** The listeners whose class overrides the method (a lambda or proxy counts as overriding everything). */
    private SimListener[] overriding(String method, Class<?>... params) {
        List<SimListener> out = new ArrayList<>();
        for (SimListener l : all) {
            if (overrides(l, method, params)) {
                out.add(l);
            }
        }
        return out.toArray(NONE);
    }

    private static boolean overrides(SimListener l, String method, Class<?>... params) {
        try {
            return l.getClass().getMethod(method, params).getDeclaringClass() != SimListener.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return true; // cannot tell: call it
        }
    }
}
