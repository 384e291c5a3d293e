package raftlab.sim;

import raftlab.raft.TimerKind;

/** A node's timer. Re-arming a timer bumps the node's generation, so a superseded firing is skipped when popped. */
final class TimerFiring extends Scheduled {
    final int node;
    final TimerKind kind;
    final long generation;
    /** For a scheduled action ({@link Cluster#at}) instead of a node timer; null for node timers. */
    final Runnable action;
    /** What the action is, in words, for {@link Cluster#lastEvent()}. */
    final String what;

    TimerFiring(long time, long seq, int node, TimerKind kind, long generation) {
        super(time, seq);
        this.node = node;
        this.kind = kind;
        this.generation = generation;
        this.action = null;
        this.what = null;
    }

    TimerFiring(long time, long seq, Runnable action, String what) {
        super(time, seq);
        this.node = 0;
        this.kind = null;
        this.generation = 0;
        this.action = action;
        this.what = what;
    }
}
