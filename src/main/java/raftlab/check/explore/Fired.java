package raftlab.check.explore;

import java.util.List;

/**
 * What an armed aimed fault did when its moment came: the concrete faults it became, all starting now, in the order
 * they are done (and recorded), and the argument it stays armed with for a next step, or null if it is done. An aimed
 * fault with steps ({@link FaultKind#STALE_LEADER}) may take a step that does nothing but mark the time, so that the
 * next one comes strictly later.
 */
record Fired(List<Fault> faults, String then) {
    Fired {
        faults = List.copyOf(faults);
    }

    /** One concrete fault, and done. */
    static Fired one(Fault f) {
        return f == null ? null : new Fired(List.of(f), null);
    }
}
