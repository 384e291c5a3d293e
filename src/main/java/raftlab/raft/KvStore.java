package raftlab.raft;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The replicated state machine: a key-value map. Sorted, so that printing it is deterministic. */
public final class KvStore implements StateMachine {
    private final TreeMap<String, String> map = new TreeMap<>();

    @Override
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
            case NOOP, CONFIG -> null;
        };
    }

    @Override
    public SortedMap<String, String> view() {
        return Collections.unmodifiableSortedMap(map);
    }

    @Override
    public SortedMap<String, String> snapshot() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    @Override
    public void restore(SortedMap<String, String> image) {
        map.clear();
        map.putAll(image);
    }
}
