package raftlab.sim;

/**
 * Thrown out of a simulation loop between two events when the user asked to stop ({@link Interrupts}). The cluster
 * is consistent: the last event completed, the next one has not started.
 */
public final class Interrupted extends RuntimeException {
    private final long time;

    Interrupted(long time) {
        super("interrupted at [" + time + "ms]", null, false, false);
        this.time = time;
    }

    /** The virtual time of the last event processed before the stop. */
    public long time() {
        return time;
    }
}
