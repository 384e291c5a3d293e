package raftlab.raft;

/**
 * A node asks the lab to arm one of its timers {@code delayMs} from now (replacing any pending firing of that timer),
 * or to cancel it ({@code arm} false).
 */
public record TimerRequest(TimerKind timer, boolean arm, long delayMs) {
    public static TimerRequest arm(TimerKind timer, long delayMs) {
        return new TimerRequest(timer, true, delayMs);
    }

    public static TimerRequest cancel(TimerKind timer) {
        return new TimerRequest(timer, false, 0);
    }
}
