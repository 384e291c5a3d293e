package raftlab.sim;

import raftlab.raft.TimerKind;

/** A node's timer. Re-arming a timer bumps the node's generation, so a superseded firing is skipped when popped. */
final class TimerFiring extends Scheduled {
    final int node;
    final TimerKind kind;
    final long generation;
    /** For a scheduled action ({@link Cluster#at}) instead of a node timer; null for node timers. */
    final Runnable action;
    /** What the action is, in words, for {@link Cluster#lastEvent()}; after "n" + {@link #about} if that is not 0. */
    final String what;
    /** The node an action is about (its description is made only if asked for), or 0. */
    final int about;

    TimerFiring(long time, long seq, int node, TimerKind kind, long generation) {
        super(time, seq);
        this.node = node;
        this.kind = kind;
        this.generation = generation;
        this.action = null;
        this.what = null;
        this.about = 0;
    }

    TimerFiring(long time, long seq, Runnable action, String what) {
        this(time, seq, action, 0, what);
    }

    /** An action about node {@code about}, described as "n" + about + {@code what}. */
    TimerFiring(long time, long seq, Runnable action, int about, String what) {
        super(time, seq);
        this.node = 0;
        this.kind = null;
        this.generation = 0;
        this.action = action;
        this.what = what;
        this.about = about;
    }

    /** What the action is, in words. */
    String describeAction() {
        return about == 0 ? what : "n" + about + what;
    }
}
