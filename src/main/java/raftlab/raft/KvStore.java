package raftlab.raft;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replicated state machine: a key-value map, and a table of client sessions that makes client operations take
 * effect exactly once. Applying uses a hash map (every replica applies every command, so this is the hottest data
 * structure of a loaded cluster); the sorted form that printing needs is made when asked for and kept until the next
 * change, so reading it between changes costs nothing.
 *
 * <p>A command with a session (client id and sequence number, see {@link Command#hasSession}) is applied only if its
 * sequence number is above the last one applied for its client; a retry of the last one gets the saved result, and
 * an older one (a copy delayed past its client's next operation) changes nothing and reads as null. Every replica
 * applies the same log in the same order, so every replica dedups the same way; the table goes into snapshots.
 */
public final class KvStore implements StateMachine {
    private final StringTable map = new StringTable();
    /** {@link #map} sorted, or null if it changed since it was last sorted. */
    private SortedMap<String, String> sorted;
    /**
     * {@link #fingerprint(Map)} of {@link #map}, kept up to date by every change once someone asked for it ({@link
     * #fingerprinted}); until then not kept at all. Only the safety monitor asks, after every apply; without it (a
     * benchmark, a plain run) the two mixes per change were about 2% of the deliveries benchmark's samples.
     */
    private long fingerprint;
    private boolean fingerprinted;
    /** The last operation applied per client; only looked up by id here, sorted when handed out. */
    private final HashMap<Integer, ClientSession> sessions = new HashMap<>();
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
                changed(c.key(), map.put(c.key(), c.value()), c.value());
                yield null;
            }
            case APPEND -> {
                String old = map.get(c.key());
                String now = old == null ? c.value() : old.concat(c.value());
                map.put(c.key(), now);
                changed(c.key(), old, now);
                yield null;
            }
            case DELETE -> {
                String old = map.remove(c.key());
                if (old != null) {
                    changed(c.key(), old, null);
                }
                yield null;
            }
            case CAS -> {
                String found = map.get(c.key());
                if (Objects.equals(found, c.expected())) {
                    map.put(c.key(), c.value());
                    changed(c.key(), found, c.value());
                }
                yield found;
            }
            case GET -> map.get(c.key());
            case NOOP, CONFIG -> null;
        };
    }

    /** The state, sorted and read-only; valid until the next change (take {@link #snapshot} to keep one). */
    @Override
    public SortedMap<String, String> view() {
        return sorted();
    }

    /** Read from the hash map: {@link #view()} would sort the whole state again after every change. */
    @Override
    public String get(String key) {
        return map.get(key);
    }

    @Override
    public SortedMap<String, String> snapshot() {
        return sorted(); // immutable, and never changed afterwards: a change makes a new one
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
        sorted = null;
        fingerprinted = false; // made again from the new contents when next asked for
        sessions.clear();
        sessions.putAll(table);
    }

    /**
     * A 64-bit digest of the state, equal to {@link #fingerprint(Map)} of {@link #view()} but kept up to date as
     * commands apply: the safety monitor compares states after every apply without copying or walking them.
     */
    public long fingerprint() {
        if (!fingerprinted) {
            fingerprint = map.sum(KvStore::pair); // fingerprint(Map) of the same contents (a sum: order does not matter)
            fingerprinted = true;
        }
        return fingerprint;
    }

    /**
     * A 64-bit digest of a key-value state that does not depend on the order of the entries: the sum of a mixed
     * hash of each (key, value) pair, so a change updates it by one term.
     */
    public static long fingerprint(Map<String, String> state) {
        long h = 0;
        for (Map.Entry<String, String> e : state.entrySet()) {
            h += pair(e.getKey(), e.getValue());
        }
        return h;
    }

    private void changed(String key, String old, String now) {
        sorted = null;
        if (!fingerprinted) {
            return;
        }
        if (old != null) {
            fingerprint -= pair(key, old);
        }
        if (now != null) {
            fingerprint += pair(key, now);
        }
    }

    private static long pair(String key, String value) {
        return mix(mix(0x51A7EL + key.hashCode()) * 31 + value.hashCode());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private SortedMap<String, String> sorted() {
        if (sorted == null) {
            sorted = Collections.unmodifiableSortedMap(map.toTreeMap());
        }
        return sorted;
    }
}
