package raftlab.sim;

/**
 * The user's request to stop the running command (Ctrl-C). One flag per process, because there is one person at
 * one keyboard: the shell's or the script runner's signal handler raises it, and every simulation loop polls it
 * between two events (never inside one), so a stopped command leaves the cluster as it was after its last event.
 * Explore's worker threads see it too, through the clusters they run.
 */
public final class Interrupts {
    private static volatile boolean requested;

    private Interrupts() {
    }

    /** Asks the running command to stop at its next event boundary. Safe from any thread, e.g. a signal handler. */
    public static void request() {
        requested = true;
    }

    /** Forgets a request: called before each command, so a Ctrl-C while nothing ran stops nothing later. */
    public static void clear() {
        requested = false;
    }

    public static boolean requested() {
        return requested;
    }

    /** Throws {@link Interrupted} if a stop was requested; called between two events. */
    static void poll(long now) {
        if (requested) {
            throw new Interrupted(now);
        }
    }
}
