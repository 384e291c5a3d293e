package raftlab.raft;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The replicated state machine: a key-value map. Sorted, so that printing it is deterministic. */
public final class KvStore {
    private final TreeMap<String, String> map = new TreeMap<>();

    /** Applies {@code c} and returns what a client sees: the value for a get (null if absent), else null. */
    public String apply(Command c) {
        return switch (c.kind()) {
            case PUT -> {
                map.put(c.key(), c.value());
                yield null;
            }
            case APPEND -> {
                map.merge(c.key(), c.value(), String::concat);
                yield null;
            }
            case DELETE -> {
                map.remove(c.key());
                yield null;
            }
            case GET -> map.get(c.key());
            case NOOP -> null;
        };
    }

    public SortedMap<String, String> view() {
        return Collections.unmodifiableSortedMap(map);
    }
}
