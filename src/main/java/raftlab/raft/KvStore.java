package raftlab.raft;

import java.util.Collections;
import java.util.HashMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replicated state machine: a key-value map. Applying uses a hash map (every replica applies every command, so
 * this is the hottest data structure of a loaded cluster); the sorted form that printing needs is made when asked
 * for and kept until the next change, so reading it between changes costs nothing.
 */
public final class KvStore implements StateMachine {
    private final HashMap<String, String> map = new HashMap<>();
    /** {@link #map} sorted, or null if it changed since it was last sorted. */
    private SortedMap<String, String> sorted;

    @Override
    public String apply(Command c) {
        return switch (c.kind()) {
            case PUT -> {
                map.put(c.key(), c.value());
                sorted = null;
                yield null;
            }
            case APPEND -> {
                map.merge(c.key(), c.value(), String::concat);
                sorted = null;
                yield null;
            }
            case DELETE -> {
                if (map.remove(c.key()) != null) {
                    sorted = null;
                }
                yield null;
            }
            case GET -> map.get(c.key());
            case NOOP -> null;
        };
    }

    /** The state, sorted and read-only; valid until the next change (take {@link #snapshot} to keep one). */
    @Override
    public SortedMap<String, String> view() {
        return sorted();
    }

    @Override
    public SortedMap<String, String> snapshot() {
        return sorted(); // immutable, and never changed afterwards: a change makes a new one
    }

    @Override
    public void restore(SortedMap<String, String> image) {
        map.clear();
        map.putAll(image);
        sorted = null;
    }

    private SortedMap<String, String> sorted() {
        if (sorted == null) {
            sorted = Collections.unmodifiableSortedMap(new TreeMap<>(map));
        }
        return sorted;
    }
}
