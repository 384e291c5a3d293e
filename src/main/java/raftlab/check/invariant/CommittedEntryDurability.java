package raftlab.check.invariant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import raftlab.raft.Entry;
import raftlab.raft.RaftLogView;

/**
 * A committed entry stays on a majority of the disks (counting nodes that are down: their disks survive). Checked
 * on the last committed index; by Log Matching, the entries before it go with it.
 */
public final class CommittedEntryDurability implements Invariant {
    public static final String PROPERTY = "Committed Entry Durability";

    /** Per node: the length of the prefix of its log that equals the committed prefix. */
    private final long[] agree;
    /** The committed prefix's length at the last look. */
    private long lastTop;

    public CommittedEntryDurability(Watch w) {
        agree = new long[w.size() + 1];
    }

    @Override
    public void afterEvent(Watch w) {
        Commitments c = w.commitments();
        long top = c.size();
        int holders = 0;
        for (int id = 1; id <= w.size(); id++) {
            RaftLogView log = w.log(id);
            if (top == lastTop && w.changedFrom(id) > log.lastIndex() && w.lostFrom(id) == Long.MAX_VALUE) {
                holders += agree[id] >= top ? 1 : 0; // neither the log nor the committed prefix changed
                continue;
            }
            long a = Math.min(agree[id], w.changedFrom(id) - 1);
            long limit = Math.min(top, log.lastIndex());
            long floor = log.snapshotIndex();
            if (a < floor) {
                // A snapshot stands for the committed entries it replaced, if it ends with the committed term there.
                Entry e = floor <= top ? c.entry(floor) : null;
                boolean matches = floor > top || e == null || e.term() == log.snapshotTerm();
                a = matches ? Math.min(floor, top) : a;
            }
            while (a < limit && a >= floor && Describe.same(log.get(a + 1), c.entry(a + 1))) {
                a++;
            }
            agree[id] = a;
            if (a >= top) {
                holders++;
            }
        }
        lastTop = top;
        if (top == 0 || w.majority().reachedBy(holders)) {
            return;
        }
        // The first committed index that lost its majority, for the report.
        long[] sorted = Arrays.copyOfRange(agree, 1, agree.length);
        Arrays.sort(sorted);
        long k = sorted[sorted.length - w.majority().size()] + 1;
        List<String> who = new ArrayList<>();
        for (int id = 1; id <= w.size(); id++) {
            if (agree[id] >= k) {
                who.add("n" + id);
            }
        }
        w.report(PROPERTY, "index " + k, "committed index " + k + " (" + Describe.entry(c.entry(k)) + ") is now on "
                + (who.isEmpty() ? "no disk" : "only " + String.join(", ", who)) + ", fewer than a majority of "
                + w.majority().size());
    }
}
