package raftlab.sim;

/**
 * An entry of the event queue. Ordered by (time, seq): seq is the order of scheduling, which makes the order of
 * same-millisecond events a pure function of the seed and the commands.
 */
abstract class Scheduled implements Comparable<Scheduled> {
    long time;
    final long seq;

    Scheduled(long time, long seq) {
        this.time = time;
        this.seq = seq;
    }

    @Override
    public int compareTo(Scheduled o) {
        if (time != o.time) {
            return Long.compare(time, o.time);
        }
        return Long.compare(seq, o.seq);
    }
}
