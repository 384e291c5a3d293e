package raftlab.raft;

import java.util.SortedMap;

/**
 * The application behind the log: what applying a committed command does. The key-value store ({@link KvStore}) is
 * the lab's one kind. {@link #snapshot} and {@link #restore} are the hooks log compaction will use: an image of the
 * whole state, and a way to start again from one.
 */
public interface StateMachine {
    /**
     * Applies {@code c} and returns what a client sees: the value for a get (null if absent), the value a cas found
     * (it succeeded if that is the value it expected), else null.
     */
    String apply(Command c);

    /** The current state, read-only and sorted (so printing it is deterministic). */
    SortedMap<String, String> view();

    /**
     * The value of {@code key} now (null if absent): what a read answers. The default reads {@link #view()}; a store
     * that sorts its view on demand answers from its own map instead, so a read between two writes sorts nothing.
     */
    default String get(String key) {
        return view().get(key);
    }

    /** An immutable copy of the current state. */
    SortedMap<String, String> snapshot();

    /** Replaces the whole state with {@code image}, as taken by {@link #snapshot}. */
    void restore(SortedMap<String, String> image);

    /**
     * An immutable copy of the client session table (each client's last sequence number and result), which a
     * snapshot keeps beside the image so that a retry is still recognised after compaction. Empty by default, for a
     * state machine without sessions.
     */
    default SortedMap<Integer, ClientSession> sessions() {
        return java.util.Collections.emptySortedMap();
    }

    /** Replaces the whole state with {@code image} and the session table with {@code sessions}. */
    default void restore(SortedMap<String, String> image, SortedMap<Integer, ClientSession> sessions) {
        restore(image);
    }
}
