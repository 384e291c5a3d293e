package raftlab.check.explore;

import raftlab.sim.Cluster;
import raftlab.sim.InFlight;
import raftlab.sim.SimListener;

/**
 * Arms aimed faults ({@link FaultKind#aimed()}); each kind says what moment it waits for and what fault it becomes.
 * Random faults rarely land in the few milliseconds some bugs need (Figure 8 needs leaders cut off right after they take a write, forget-vote needs a reboot between
 * two candidates' requests), so an aimed fault waits, armed, for such a moment. While armed, this listener watches
 * the events and raises a flag when one may have come; {@link ScenarioRunner} then finishes that millisecond and asks
 * {@link #fire} for the concrete fault, which it applies and records like any other. Everything here reads only the
 * cluster's state, so the choice is as deterministic as the run.
 */
final class Targeting implements SimListener {
    /** How long an aimed fault waits for its moment before it is given up. */
    static final long WINDOW = 2000;

    private final Cluster cluster;
    private FaultKind armed;
    /** The armed fault's argument: what an aimed kind with variants waits for (a membership fault's moment). */
    private String armedArg;
    private boolean flagged;

    Targeting(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Arms an aimed fault; its moment may be here already, so the runner tries {@link #fire} at once. */
    void arm(FaultKind kind, String arg) {
        armed = kind;
        armedArg = arg;
        flagged = true;
    }

    /** The armed fault's argument (its moment, or the step it is at). */
    String armedArg() {
        return armedArg;
    }

    void disarm() {
        armed = null;
        flagged = false;
    }

    boolean armed() {
        return armed != null;
    }

    /** Whether the runner should stop at the end of this millisecond and try {@link #fire}. */
    boolean flagged() {
        return flagged;
    }

    @Override
    public void afterEvent(Cluster c) {
        if (armed != null && !flagged) {
            flagged = armed.flagAfterEvent(c, armedArg);
        }
    }

    @Override
    public void sent(long time, InFlight m) {
        if (armed != null && !flagged) {
            flagged = armed.flagOnSend(m);
        }
    }

    /**
     * The concrete faults the armed one becomes now, lasting {@code length} ms, and its next step if it has one; or
     * null if the moment is not (or no longer) there. Clears the flag either way.
     */
    Fired fire(long length) {
        flagged = false;
        return armed.fireAll(cluster, length, armedArg);
    }
}
