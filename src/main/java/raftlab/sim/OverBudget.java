package raftlab.sim;

/**
 * Thrown right after the event that used up the budget a cluster was given ({@link Cluster#limitEvents}): a guard
 * against runs that never settle (some bugs set off message storms that grow without end). The cluster is
 * consistent: that event completed, and no listener heard of it.
 */
public final class OverBudget extends RuntimeException {
    OverBudget(long budget) {
        super("over the budget of " + budget + " events", null, false, false);
    }
}
