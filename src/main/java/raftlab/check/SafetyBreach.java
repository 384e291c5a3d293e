package raftlab.check;

/**
 * Thrown out of the simulation's event loop by {@link SafetyMonitor} on the first breach, so the run stops at the
 * event that caused it. The cluster is left as it was at that moment, for the user to inspect.
 */
public final class SafetyBreach extends RuntimeException {
    private final transient Breach breach;

    public SafetyBreach(Breach breach) {
        super(breach.line(), null, false, false);
        this.breach = breach;
    }

    public Breach breach() {
        return breach;
    }
}
