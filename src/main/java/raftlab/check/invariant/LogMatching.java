package raftlab.check.invariant;

import java.util.ArrayList;

import raftlab.raft.Entry;
import raftlab.raft.RaftLogView;

/**
 * Log Matching: two entries with the same index and term hold the same command, and the logs agree before them.
 * Every (index, term) ever stored anywhere is remembered with the term before it, so logs are compared across time
 * as well as across nodes; each log is read only where it changed.
 */
public final class LogMatching implements Invariant {
    public static final String PROPERTY = "Log Matching";

    /** By index: a chain of the distinct terms seen there. */
    private final ArrayList<Seen> seen = new ArrayList<>();

    private record Seen(long term, Entry entry, long prevTerm, int node, Seen next) {
    }

    @Override
    public void afterEvent(Watch w) {
        for (int i = 0; i < w.changedCount(); i++) {
            int id = w.changed(i);
            RaftLogView log = w.log(id);
            for (long k = Math.max(w.changedFrom(id), log.firstIndex()); k <= log.lastIndex(); k++) {
                check(w, id, k, log.get(k), log.termAt(k - 1));
            }
        }
    }

    private void check(Watch w, int id, long k, Entry e, long prevTerm) {
        while (seen.size() < k) {
            seen.add(null);
        }
        Seen first = seen.get((int) k - 1);
        Seen match = first;
        while (match != null && match.term != e.term()) {
            match = match.next;
        }
        if (match == null) {
            seen.set((int) k - 1, new Seen(e.term(), e, prevTerm, id, first));
        } else if (!Describe.same(match.entry, e)) {
            w.report(PROPERTY, k + "/" + e.term(), "n" + match.node + " and n" + id + " both hold an entry of term "
                    + e.term() + " at index " + k + " but they differ: " + Describe.entry(match.entry, e) + " vs "
                    + Describe.entry(e, match.entry));
        } else if (match.prevTerm != prevTerm) {
            w.report(PROPERTY, k + "/" + e.term() + " prefix", "n" + match.node + " and n" + id + " both hold "
                    + Describe.entry(e) + " at index " + k + " but their logs differ before it: the entry at index "
                    + (k - 1) + " is of term " + match.prevTerm + " on n" + match.node + " and of term " + prevTerm
                    + " on n" + id);
        }
    }
}
