package raftlab.raft;

/**
 * A node asks the lab to arm one of its timers {@code delayMs} from now (replacing any pending firing of that timer),
 * or to cancel it ({@code arm} false).
 */
public record TimerRequest(TimerKind timer, boolean arm, long delayMs) {
    public static TimerRequest arm(TimerKind timer, long delayMs) {
        return new TimerRequest(timer, true, delayMs);
    }

    /** One cancel per timer kind, made once: they are all alike (and records are compared by value anyway). */
    private static final TimerRequest[] CANCELS = new TimerRequest[TimerKind.values().length];

    static {
        for (TimerKind k : TimerKind.values()) {
            CANCELS[k.ordinal()] = new TimerRequest(k, false, 0);
        }
    }

    public static TimerRequest cancel(TimerKind timer) {
        // A null timer makes a request as before: the guard of a learner's node reports it.
        return timer == null ? new TimerRequest(null, false, 0) : CANCELS[timer.ordinal()];
    }
}
