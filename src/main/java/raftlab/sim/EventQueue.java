package raftlab.sim;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A priority queue of scheduled events ordered by (time, seq): a binary heap that keeps each entry's time and seq in
 * arrays of its own, so ordering compares longs in place instead of following a pointer to each event (what
 * {@link java.util.PriorityQueue} did, a tenth of a loaded simulation's time). (time, seq) is a total order (seq is
 * unique), so the events come out in exactly the order any correct priority queue gives. Iteration order is
 * unspecified, as for PriorityQueue.
 */
final class EventQueue<T extends Scheduled> implements Iterable<T> {
    private Scheduled[] items = new Scheduled[32];
    private long[] times = new long[32];
    private long[] seqs = new long[32];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(T e) {
        if (size == items.length) {
            int n = size * 2;
            items = Arrays.copyOf(items, n);
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
        }
        siftUp(size++, e, e.time, e.seq);
    }

    @SuppressWarnings("unchecked")
    T peek() {
        return size == 0 ? null : (T) items[0];
    }

    @SuppressWarnings("unchecked")
    T poll() {
        if (size == 0) {
            return null;
        }
        T head = (T) items[0];
        removeAt(0);
        return head;
    }

    /** Removes {@code e} (the very object) if it is queued; returns whether it was. */
    boolean remove(Scheduled e) {
        for (int i = 0; i < size; i++) {
            if (items[i] == e) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private void removeAt(int i) {
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
            items[k] = items[parent];
            times[k] = pt;
            seqs[k] = seqs[parent];
            k = parent;
        }
        items[k] = e;
        times[k] = t;
        seqs[k] = s;
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
            items[k] = items[child];
            times[k] = ct;
            seqs[k] = seqs[child];
            k = child;
        }
        items[k] = e;
        times[k] = t;
        seqs[k] = s;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < size;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (i >= size) {
                    throw new NoSuchElementException();
                }
                return (T) items[i++];
            }
        };
    }
}
