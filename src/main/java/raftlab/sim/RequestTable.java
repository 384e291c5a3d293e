package raftlab.sim;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Client requests by request id: an open-addressing table keyed by the id itself. It replaced a
 * {@code LinkedHashMap<Long, ClientOp>}, which boxed the id on every put, get and remove (four per committed put on a
 * loaded cluster). Request ids only grow and each is added once, so "in id order" is the order they were added in,
 * which is the order {@link #inIdOrder} and the {@link #asMap} view give.
 */
final class RequestTable {
    private long[] keys = new long[16];
    private ClientOp[] values = new ClientOp[16];
    private int size;
    /** A read-only view, made once. */
    private final Map<Long, ClientOp> view = new View();

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    ClientOp get(long id) {
        if (size == 0) {
            return null;
        }
        int mask = keys.length - 1;
        for (int i = slot(id, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == id) {
                return values[i];
            }
        }
        return null;
    }

    /** Adds {@code op} under its request id, which is not in the table. */
    void put(ClientOp op) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(op.requestId(), op);
        size++;
    }

    /** Removes the request with this id; returns it, or null if it was not here. */
    ClientOp remove(long id) {
        if (size == 0) {
            return null;
        }
        int mask = keys.length - 1;
        int i = slot(id, mask);
        while (values[i] != null && keys[i] != id) {
            i = (i + 1) & mask;
        }
        ClientOp found = values[i];
        if (found == null) {
            return null;
        }
        // Backward-shift deletion: move later members of the probe run into the gap, so no tombstones are needed.
        int gap = i;
        for (int j = (gap + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        values[gap] = null;
        keys[gap] = 0;
        size--;
        return found;
    }

    /** The requests, by ascending id (a copy). */
    List<ClientOp> inIdOrder() {
        List<ClientOp> out = new ArrayList<>(size);
        for (ClientOp op : values) {
            if (op != null) {
                out.add(op);
            }
        }
        out.sort(Comparator.comparingLong(ClientOp::requestId));
        return out;
    }

    /** A read-only live view by request id; its iteration goes by ascending id. */
    Map<Long, ClientOp> asMap() {
        return view;
    }

    private static int slot(long id, int mask) {
        long z = id * 0x9E3779B97F4A7C15L;
        return (int) (z ^ (z >>> 32)) & mask;
    }

    private void insert(long id, ClientOp op) {
        int mask = keys.length - 1;
        int i = slot(id, mask);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = id;
        values[i] = op;
    }

    private void grow() {
        long[] oldKeys = keys;
        ClientOp[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new ClientOp[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private final class View extends AbstractMap<Long, ClientOp> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof Long id && RequestTable.this.get(id) != null;
        }

        @Override
        public ClientOp get(Object key) {
            return key instanceof Long id ? RequestTable.this.get(id) : null;
        }

        @Override
        public Set<Entry<Long, ClientOp>> entrySet() {
            java.util.LinkedHashMap<Long, ClientOp> copy = new java.util.LinkedHashMap<>();
            for (ClientOp op : inIdOrder()) {
                copy.put(op.requestId(), op);
            }
            return java.util.Collections.unmodifiableMap(copy).entrySet();
        }
    }
}
