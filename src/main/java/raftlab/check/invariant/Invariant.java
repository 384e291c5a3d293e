package raftlab.check.invariant;

import raftlab.raft.NodeEvent;

/**
 * One safety property, checked as the run goes. The {@link Watch} tells it what changed since the last look and
 * takes its reports; an invariant keeps only the memory its own property needs.
 */
public interface Invariant {
    /** A node reported something during the current event (before the event is over). */
    default void nodeEvent(Watch w, NodeEvent e) {
    }

    /** The event is over: judge the cluster as it now stands, against what was seen before. */
    void afterEvent(Watch w);
}
