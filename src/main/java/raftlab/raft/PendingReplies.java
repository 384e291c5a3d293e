package raftlab.raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A leader's requests waiting for the apply of the log index they were placed at: index to request ids, in the order
 * they were accepted. It was a {@code HashMap<Long, List<Long>>}, which cost five objects per request (two boxed
 * longs, a list, its array, a map node) on a loaded leader's hottest path; this table costs one.
 *
 * <p>Its iteration order is observable: a leader that steps down answers every waiting request, in this order (see
 * {@code ReferenceNode.answerPendingUnknown}). So this table iterates in exactly the order that HashMap did, by doing
 * what that HashMap did: the same hash, the same power-of-two table grown at the same moments, a new key put at the
 * head of its bin (as {@link HashMap#computeIfAbsent} does), bins split in order on growth and kept in order on
 * removal. The one thing it does not copy is a bin turning into a tree (a bin of 8 keys; never seen on a log's
 * indexes, which are near one another): before that would happen, it hands its contents to a real HashMap, built so
 * that its bins hold the same keys in the same order, and uses that from then on. PendingRepliesTest checks the order
 * against HashMap's own under random use, that hand-over included.
 */
final class PendingReplies {
    /** HashMap's: a bin with this many keys becomes a tree (computeIfAbsent checks the count before adding one). */
    private static final int TREEIFY_THRESHOLD = 8;
    private static final int INITIAL_CAPACITY = 16;

    /** The requests waiting at one index, oldest first. */
    static final class Waiting {
        final int hash;
        final long index;
        private long first;
        private long[] more;
        private int count;
        Waiting next;

        Waiting(int hash, long index, Waiting next) {
            this.hash = hash;
            this.index = index;
            this.next = next;
        }

        void add(long requestId) {
            if (count == 0) {
                first = requestId;
            } else {
                if (more == null) {
                    more = new long[2];
                } else if (count - 1 == more.length) {
                    more = java.util.Arrays.copyOf(more, more.length * 2);
                }
                more[count - 1] = requestId;
            }
            count++;
        }

        int count() {
            return count;
        }

        long get(int i) {
            return i == 0 ? first : more[i - 1];
        }
    }

    /** What {@link #forEach} hands over: one waiting request and its index. */
    interface Visitor {
        void waiting(long index, long requestId);
    }

    /** The bins, as HashMap's table: null until the first key, then a power of two long. */
    private Waiting[] table;
    private int size;
    private int threshold;
    /** Once a bin would have become a tree: the real HashMap that holds everything from then on; else null. */
    private HashMap<Long, List<Long>> map;

    boolean isEmpty() {
        return map != null ? map.isEmpty() : size == 0;
    }

    /** Request {@code requestId} waits for index {@code index} (after any already waiting there). */
    void add(long index, long requestId) {
        if (map != null) {
            map.computeIfAbsent(index, k -> new ArrayList<>(1)).add(requestId);
            return;
        }
        if (size > threshold || table == null) {
            resize(); // computeIfAbsent grows the table before it looks, whether or not the key is there
        }
        int hash = hash(index);
        int i = (table.length - 1) & hash;
        Waiting first = table[i];
        int binCount = 0;
        for (Waiting w = first; w != null; w = w.next) {
            if (w.index == index) {
                w.add(requestId);
                return;
            }
            binCount++;
        }
        if (binCount >= TREEIFY_THRESHOLD - 1) {
            map = toHashMap(); // HashMap would make this bin a tree (or grow): let the real one do it
            map.computeIfAbsent(index, k -> new ArrayList<>(1)).add(requestId);
            table = null;
            size = 0;
            return;
        }
        Waiting w = new Waiting(hash, index, first);
        w.add(requestId);
        table[i] = w;
        size++;
    }

    /** Removes and returns the requests waiting at {@code index}, or null if none. */
    Waiting remove(long index) {
        if (map != null) {
            List<Long> ids = map.remove(index);
            if (ids == null) {
                return null;
            }
            Waiting w = new Waiting(hash(index), index, null);
            for (long id : ids) {
                w.add(id);
            }
            return w;
        }
        if (table == null) {
            return null;
        }
        int i = (table.length - 1) & hash(index);
        Waiting prev = null;
        for (Waiting w = table[i]; w != null; prev = w, w = w.next) {
            if (w.index == index) {
                if (prev == null) {
                    table[i] = w.next;
                } else {
                    prev.next = w.next;
                }
                w.next = null;
                size--;
                return w;
            }
        }
        return null;
    }

    /** Every waiting request, in the order HashMap's entry set and lists gave them. */
    void forEach(Visitor v) {
        if (map != null) {
            for (Map.Entry<Long, List<Long>> e : map.entrySet()) {
                for (long id : e.getValue()) {
                    v.waiting(e.getKey(), id);
                }
            }
            return;
        }
        if (table == null) {
            return;
        }
        for (Waiting head : table) {
            for (Waiting w = head; w != null; w = w.next) {
                for (int k = 0; k < w.count; k++) {
                    v.waiting(w.index, w.get(k));
                }
            }
        }
    }

    /** Forgets every request; like HashMap's clear, the table keeps its size. */
    void clear() {
        if (map != null) {
            map.clear();
            return;
        }
        if (table != null && size > 0) {
            size = 0;
            java.util.Arrays.fill(table, null);
        }
    }

    /** HashMap's hash of a Long key: Long.hashCode with the high half folded into the low. */
    private static int hash(long index) {
        int h = Long.hashCode(index);
        return h ^ (h >>> 16);
    }

    /** HashMap's resize: 16 at first, then twice as many bins, each bin split in two keeping its order. */
    private void resize() {
        if (table == null) {
            table = new Waiting[INITIAL_CAPACITY];
            threshold = INITIAL_CAPACITY * 3 / 4;
            return;
        }
        Waiting[] old = table;
        int oldCap = old.length;
        Waiting[] t = new Waiting[oldCap * 2];
        for (int j = 0; j < oldCap; j++) {
            Waiting loHead = null;
            Waiting loTail = null;
            Waiting hiHead = null;
            Waiting hiTail = null;
            Waiting next;
            for (Waiting w = old[j]; w != null; w = next) {
                next = w.next;
                if ((w.hash & oldCap) == 0) {
                    if (loTail == null) {
                        loHead = w;
                    } else {
                        loTail.next = w;
                    }
                    loTail = w;
                } else {
                    if (hiTail == null) {
                        hiHead = w;
                    } else {
                        hiTail.next = w;
                    }
                    hiTail = w;
                }
            }
            if (loTail != null) {
                loTail.next = null;
                t[j] = loHead;
            }
            if (hiTail != null) {
                hiTail.next = null;
                t[j + oldCap] = hiHead;
            }
        }
        table = t;
        threshold = threshold * 2;
    }

    /**
     * A HashMap in exactly this table's state: as many bins, the same keys in each bin in the same order. A HashMap
     * made for this capacity allocates it at its first key; computeIfAbsent puts each key at the head of its bin, so
     * each bin's keys go in last first. No bin here holds more than 7, so none becomes a tree on the way.
     */
    private HashMap<Long, List<Long>> toHashMap() {
        HashMap<Long, List<Long>> m = new HashMap<>(table.length);
        for (Waiting head : table) {
            List<Waiting> bin = new ArrayList<>();
            for (Waiting w = head; w != null; w = w.next) {
                bin.add(w);
            }
            for (int k = bin.size() - 1; k >= 0; k--) {
                Waiting w = bin.get(k);
                List<Long> ids = new ArrayList<>(Math.max(1, w.count));
                for (int r = 0; r < w.count; r++) {
                    ids.add(w.get(r));
                }
                m.computeIfAbsent(w.index, x -> ids);
            }
        }
        return m;
    }
}
