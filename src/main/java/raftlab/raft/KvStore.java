package raftlab.raft;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The replicated state machine: a key-value map. Sorted, so that printing it is deterministic. */
public final class KvStore {
    private final TreeMap<String, String> map = new TreeMap<>();

    /** Applies {@code c} and returns what a client sees: the value for a get (null if absent), else null. */
    public String apply(Command c) {
        switch (c.kind()) {
            case PUT:
                map.put(c.key(), c.value());
                return null;
            case APPEND:
                map.merge(c.key(), c.value(), String::concat);
                return null;
            case DELETE:
                map.remove(c.key());
                return null;
            case GET:
                return map.get(c.key());
            default:
                return null;
        }
    }

    public SortedMap<String, String> view() {
        return Collections.unmodifiableSortedMap(map);
    }
}
