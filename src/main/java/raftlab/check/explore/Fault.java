package raftlab.check.explore;

/**
 * One fault of a schedule: it starts at {@code at}, lasts {@code length} virtual ms, and is undone then (heal,
 * restart, loss back to 0...). {@code arg} is what the lab command takes: groups for a partition ("1,3 2,4,5"), a
 * node id for a crash, a probability for loss and duplication, a latency range for reordering. An aimed fault
 * ({@link FaultKind#aimed()}) has no arg and no command: {@code at} is the earliest moment it may fire, and the run
 * replaces it with the concrete partition or crash it became.
 */
public record Fault(long at, long length, FaultKind kind, String arg) {
    public long end() {
        return at + length;
    }

    /** The lab command that starts the fault. */
    public String startCommand() {
        return kind.startCommand(arg);
    }

    /** The lab command that undoes it, on a cluster of the given timing (a reorder restores its normal latency). */
    public String endCommand(Timing timing) {
        return kind.endCommand(arg, timing);
    }

    public Fault withLength(long newLength) {
        return new Fault(at, newLength, kind, arg);
    }

    /** {@code 1200ms +340ms partition 1,2 3,4,5}. */
    public String describe() {
        return at + "ms +" + length + "ms " + (kind.aimed() ? kind.label : startCommand());
    }
}
