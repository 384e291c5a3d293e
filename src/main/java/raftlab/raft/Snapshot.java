package raftlab.raft;

import java.util.List;
import java.util.SortedMap;

/**
 * What replaces a prefix of the log (section 7 of the paper): the index and term of the last entry it covers, the
 * state machine's image after applying every entry up to that index, and the configuration (the voters) as of that
 * index, so that a membership change compacted into a snapshot is not forgotten. Immutable. The client session table
 * ({@link ClientSession}) is a field of its own, so that a retry is still recognised after compaction.
 */
public record Snapshot(long index, long term, SortedMap<String, String> image, List<Integer> voters,
                       SortedMap<Integer, ClientSession> sessions) {
    /** The empty snapshot every log starts from: index 0, term 0, empty state. */
    public static final Snapshot NONE = new Snapshot(0, 0, java.util.Collections.emptySortedMap(), List.of());

    public Snapshot {
        voters = List.copyOf(voters);
        sessions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sessions));
    }

    /** A snapshot with no client sessions (a state machine without them). */
    public Snapshot(long index, long term, SortedMap<String, String> image, List<Integer> voters) {
        this(index, term, image, voters, java.util.Collections.emptySortedMap());
    }
}
