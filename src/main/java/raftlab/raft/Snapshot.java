package raftlab.raft;

import java.util.List;
import java.util.SortedMap;

/**
 * What replaces a prefix of the log (section 7 of the paper): the index and term of the last entry it covers, the
 * state machine's image after applying every entry up to that index, the configuration as of that index (the last
 * configuration entry it covers, or the one the cluster started with), so that a membership change compacted into a
 * snapshot is not forgotten, and the client session table ({@link ClientSession}), so that a retry is still
 * recognised after compaction. Immutable.
 *
 * @param config the configuration as of {@code index}; null only for {@link #NONE}
 */
public record Snapshot(long index, long term, SortedMap<String, String> image, Configuration config,
                       SortedMap<Integer, ClientSession> sessions) {
    /** The empty snapshot every log starts from: index 0, term 0, empty state, no configuration. */
    public static final Snapshot NONE = new Snapshot(0, 0, java.util.Collections.emptySortedMap(), (Configuration) null);

    public Snapshot {
        sessions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sessions));
    }

    /** A snapshot with no client sessions (a state machine without them). */
    public Snapshot(long index, long term, SortedMap<String, String> image, Configuration config) {
        this(index, term, image, config, java.util.Collections.emptySortedMap());
    }

    /** A snapshot whose configuration is just these voters, with these client sessions. */
    public Snapshot(long index, long term, SortedMap<String, String> image, List<Integer> voters,
                    SortedMap<Integer, ClientSession> sessions) {
        this(index, term, image, voters.isEmpty() ? null : Configuration.of(Quorum.of(voters)), sessions);
    }

    /** A snapshot whose configuration is just these voters, with no client sessions. */
    public Snapshot(long index, long term, SortedMap<String, String> image, List<Integer> voters) {
        this(index, term, image, voters, java.util.Collections.emptySortedMap());
    }

    /** The voters of its configuration (both sides in joint mode), ascending; empty for {@link #NONE}. */
    public List<Integer> voters() {
        return config == null ? List.of() : java.util.Arrays.stream(config.allVoters()).boxed().toList();
    }
}
