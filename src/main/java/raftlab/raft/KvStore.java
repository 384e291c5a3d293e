package raftlab.raft;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replicated state machine: a key-value map, and a table of client sessions that makes client operations take
 * effect exactly once. Sorted, so that printing it is deterministic.
 *
 * <p>A command with a session (client id and sequence number, see {@link Command#hasSession}) is applied only if its
 * sequence number is above the last one applied for its client; a retry of the last one gets the saved result, and
 * an older one (a copy delayed past its client's next operation) changes nothing and reads as null. Every replica
 * applies the same log in the same order, so every replica dedups the same way; the table goes into snapshots.
 */
public final class KvStore implements StateMachine {
    private final TreeMap<String, String> map = new TreeMap<>();
    private final TreeMap<Integer, ClientSession> sessions = new TreeMap<>();
    /** The bugs switched on in the lab (a live view: {@code bug no-dedup on} takes effect at the next apply). */
    private final Set<Bug> bugs;

    public KvStore() {
        this(Set.of());
    }

    /** A store that honours the state-machine bugs in {@code bugs} ({@link Bug#NO_DEDUP}). */
    public KvStore(Set<Bug> bugs) {
        this.bugs = bugs;
    }

    @Override
    public String apply(Command c) {
        if (!c.hasSession()) {
            return run(c);
        }
        ClientSession last = sessions.get(c.client());
        if (last != null && c.seq() <= last.seq() && !bugs.contains(Bug.NO_DEDUP)) {
            return c.seq() == last.seq() ? last.result() : null; // a retry: answered, not applied again
        }
        String result = run(c);
        sessions.put(c.client(), new ClientSession(c.seq(), result));
        return result;
    }

    /** Carries out the command on the map; returns what a get read, or the value a cas found. */
    private String run(Command c) {
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
            case CAS -> {
                String found = map.get(c.key());
                if (Objects.equals(found, c.expected())) {
                    map.put(c.key(), c.value());
                }
                yield found;
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
        restore(image, Collections.emptySortedMap());
    }

    @Override
    public SortedMap<Integer, ClientSession> sessions() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(sessions));
    }

    @Override
    public void restore(SortedMap<String, String> image, SortedMap<Integer, ClientSession> table) {
        map.clear();
        map.putAll(image);
        sessions.clear();
        sessions.putAll(table);
    }
}
