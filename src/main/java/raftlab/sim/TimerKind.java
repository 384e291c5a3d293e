package raftlab.sim;

/** The two timers a node arms. */
public enum TimerKind {
    ELECTION, HEARTBEAT;

    public String label() {
        return name().toLowerCase();
    }
}
