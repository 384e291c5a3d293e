package raftlab.raft;

import java.util.List;
import java.util.SortedMap;

/**
 * What replaces a prefix of the log (section 7 of the paper): the index and term of the last entry it covers, the
 * state machine's image after applying every entry up to that index, and the configuration (the voters) as of that
 * index, so that a membership change compacted into a snapshot is not forgotten. Immutable.
 */
public record Snapshot(long index, long term, SortedMap<String, String> image, List<Integer> voters) {
    /** The empty snapshot every log starts from: index 0, term 0, empty state. */
    public static final Snapshot NONE = new Snapshot(0, 0, java.util.Collections.emptySortedMap(), List.of());

    public Snapshot {
        voters = List.copyOf(voters);
    }
}
