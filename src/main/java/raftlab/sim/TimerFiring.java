package raftlab.sim;

/** A node's timer. Re-arming a timer bumps the node's generation, so a superseded firing is skipped when popped. */
final class TimerFiring extends Scheduled {
    final int node;
    final TimerKind kind;
    final long generation;

    TimerFiring(long time, long seq, int node, TimerKind kind, long generation) {
        super(time, seq);
        this.node = node;
        this.kind = kind;
        this.generation = generation;
    }
}
