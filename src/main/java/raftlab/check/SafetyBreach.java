package raftlab.check;

import java.util.List;

/**
 * Thrown out of the simulation's event loop by {@link SafetyMonitor} at the end of an event that broke a safety
 * property, so the run stops there. The cluster is left as it was at that moment, for the user to inspect.
 */
public final class SafetyBreach extends RuntimeException {
    private final transient List<Breach> breaches;

    /** The breaches one event caused, at least one. */
    public SafetyBreach(List<Breach> breaches) {
        super(breaches.get(0).line(), null, false, false);
        this.breaches = List.copyOf(breaches);
    }

    /** The first breach the event caused. */
    public Breach breach() {
        return breaches.get(0);
    }

    /** Every breach the event caused, in the order found. */
    public List<Breach> breaches() {
        return breaches;
    }
}
