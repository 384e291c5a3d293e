package raftlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A priority queue of scheduled events ordered by (time, seq). (time, seq) is a total order (seq is unique), so the
 * events come out in exactly the order any correct priority queue gives. Iteration order is unspecified, as for
 * PriorityQueue.
 *
 * <p>Most events are due within a few hundred virtual milliseconds (messages within the network's latency, election
 * timers within their timeout), so they wait in a calendar: a ring of one bucket per millisecond, each holding the
 * events of one time in seq order. Adding appends to a bucket, polling takes from the front of the earliest; no
 * sifting. The binary heap that did all of it was a tenth of a steady explore's profile samples and a seventh of the
 * deliveries benchmark's. Events outside the ring's window (far ahead, or behind it: a message sent while held ones
 * are overdue) wait in that heap; the queue's head is the earlier of the two heads.
 *
 * <p>The window: every event in the ring is due in [{@link #windowStart}, windowStart + {@link #SPAN}), so one bucket
 * never holds two different times. windowStart only moves forward to the time just polled (every event left is
 * due then or later), or anywhere while the ring is empty.
 */
final class EventQueue<T extends Scheduled> implements Iterable<T> {
    /** Milliseconds the ring covers: a power of two. */
    static final int SPAN = 512;
    private static final int MASK = SPAN - 1;

    /** Per bucket (time & MASK): its events, in seq order from head to tail; null until first used. */
    private final Scheduled[][] bucket = new Scheduled[SPAN][];
    private final int[] head = new int[SPAN];
    private final int[] tail = new int[SPAN];
    /**
     * Per bucket, the seq of its last event, or higher (a remove can leave it above): an add compares with it, not
     * with the last event itself, an object that may be long out of the cache.
     */
    private final long[] lastSeq = new long[SPAN];
    private int ringSize;
    private long windowStart;
    /** The time of the ring's earliest events; meaningful while {@link #ringSize} > 0. */
    private long ringMin;
    private final Heap overflow = new Heap();

    boolean isEmpty() {
        return ringSize == 0 && overflow.size == 0;
    }

    void add(T e) {
        long t = e.time;
        if (ringSize == 0 && (t < windowStart || t - windowStart >= SPAN)) {
            windowStart = t; // nothing in the ring: the window may go anywhere
        }
        if (t < windowStart || t - windowStart >= SPAN) {
            overflow.add(e);
            return;
        }
        int b = (int) t & MASK;
        Scheduled[] items = bucket[b];
        if (items == null) {
            items = bucket[b] = new Scheduled[4];
        }
        int end = tail[b];
        if (end == items.length) {
            items = bucket[b] = makeRoom(items, head[b], end);
            end -= head[b];
            head[b] = 0;
        }
        // Nearly always the latest seq of its time (seq grows as events are made): append. Otherwise slide it in.
        int i = end;
        if (i > head[b] && lastSeq[b] > e.seq) {
            while (i > head[b] && items[i - 1].seq > e.seq) {
                items[i] = items[i - 1];
                i--;
            }
        }
        items[i] = e;
        if (i == end) {
            lastSeq[b] = e.seq;
        }
        tail[b] = end + 1;
        if (ringSize == 0 || t < ringMin) {
            ringMin = t;
        }
        ringSize++;
    }

    /** The bucket's events moved to the front of an array with room for one more. */
    private static Scheduled[] makeRoom(Scheduled[] items, int from, int to) {
        int n = to - from;
        Scheduled[] out = n + 1 > items.length / 2 ? new Scheduled[items.length * 2] : items;
        System.arraycopy(items, from, out, 0, n);
        if (out == items) {
            java.util.Arrays.fill(items, n, to, null);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    T peek() {
        Scheduled r = ringSize == 0 ? null : bucket[(int) ringMin & MASK][head[(int) ringMin & MASK]];
        Scheduled o = overflow.size == 0 ? null : overflow.items[0];
        if (r == null) {
            return (T) o;
        }
        if (o == null) {
            return (T) r;
        }
        return (T) (o.time < r.time || o.time == r.time && o.seq < r.seq ? o : r);
    }

    T poll() {
        T first = peek();
        if (first != null) {
            removeHead(first);
        }
        return first;
    }

    /** Removes {@code first}, which {@link #peek} just returned (nothing was added or removed since). */
    void removeHead(T first) {
        assert first == peek() : "not the head";
        int b = (int) ringMin & MASK;
        if (ringSize > 0 && bucket[b][head[b]] == first) {
            bucket[b][head[b]++] = null;
            ringSize--;
            if (head[b] == tail[b]) {
                head[b] = 0;
                tail[b] = 0;
                nextRingMin();
            }
        } else {
            overflow.removeAt(0);
        }
        if (first.time > windowStart) {
            windowStart = first.time; // every event left is due then or later
        }
    }

    /** After the bucket at ringMin emptied: the next non-empty bucket within the window, if any is left. */
    private void nextRingMin() {
        if (ringSize == 0) {
            return;
        }
        long t = ringMin + 1;
        while (head[(int) t & MASK] == tail[(int) t & MASK]) {
            t++;
        }
        ringMin = t;
    }

    /** Removes {@code e} (the very object) if it is queued; returns whether it was. */
    boolean remove(Scheduled e) {
        long t = e.time;
        if (ringSize > 0 && t >= windowStart && t - windowStart < SPAN) {
            int b = (int) t & MASK;
            Scheduled[] items = bucket[b];
            for (int i = head[b]; i < tail[b]; i++) {
                if (items[i] == e) {
                    System.arraycopy(items, i + 1, items, i, tail[b] - i - 1);
                    items[--tail[b]] = null;
                    ringSize--;
                    if (head[b] == tail[b]) {
                        head[b] = 0;
                        tail[b] = 0;
                        if (t == ringMin) {
                            nextRingMin();
                        }
                    }
                    return true;
                }
            }
        }
        return overflow.remove(e);
    }

    @Override
    public Iterator<T> iterator() {
        List<T> all = new ArrayList<>(ringSize + overflow.size);
        for (int b = 0; b < SPAN; b++) {
            for (int i = head[b]; i < tail[b]; i++) {
                all.add(cast(bucket[b][i]));
            }
        }
        for (int i = 0; i < overflow.size; i++) {
            all.add(cast(overflow.items[i]));
        }
        return all.iterator();
    }

    @SuppressWarnings("unchecked")
    private T cast(Scheduled s) {
        return (T) s;
    }

    /**
     * The events outside the ring's window: a binary heap that keeps each entry's time and seq in arrays of its own,
     * so ordering compares longs in place instead of following a pointer to each event.
     */
    private static final class Heap {
        private Scheduled[] items = new Scheduled[16];
        private long[] times = new long[16];
        private long[] seqs = new long[16];
        private int size;

        void add(Scheduled e) {
            if (size == items.length) {
                int n = size * 2;
                items = Arrays.copyOf(items, n);
                times = Arrays.copyOf(times, n);
                seqs = Arrays.copyOf(seqs, n);
            }
            siftUp(size++, e, e.time, e.seq);
        }

        boolean remove(Scheduled e) {
            for (int i = 0; i < size; i++) {
                if (items[i] == e) {
                    removeAt(i);
                    return true;
                }
            }
            return false;
        }

        void removeAt(int i) {
            int last = --size;
            Scheduled moved = items[last];
            long t = times[last];
            long s = seqs[last];
            items[last] = null;
            if (i == last) {
                return;
            }
            siftDown(i, moved, t, s);
            if (items[i] == moved) {
                siftUp(i, moved, t, s);
            }
        }

        private void siftUp(int k, Scheduled e, long t, long s) {
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                long pt = times[parent];
                if (pt < t || pt == t && seqs[parent] < s) {
                    break;
                }
                move(parent, k);
                k = parent;
            }
            place(k, e, t, s);
        }

        private void siftDown(int k, Scheduled e, long t, long s) {
            int half = size >>> 1;
            while (k < half) {
                int child = 2 * k + 1;
                int right = child + 1;
                if (right < size && (times[right] < times[child] || times[right] == times[child]
                        && seqs[right] < seqs[child])) {
                    child = right;
                }
                long ct = times[child];
                if (t < ct || t == ct && s < seqs[child]) {
                    break;
                }
                move(child, k);
                k = child;
            }
            place(k, e, t, s);
        }

        private void move(int from, int to) {
            items[to] = items[from];
            times[to] = times[from];
            seqs[to] = seqs[from];
        }

        private void place(int k, Scheduled e, long t, long s) {
            items[k] = e;
            times[k] = t;
            seqs[k] = s;
        }
    }
}
