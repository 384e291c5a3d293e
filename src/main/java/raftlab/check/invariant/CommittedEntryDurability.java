package raftlab.check.invariant;

import java.util.ArrayList;
import java.util.List;

import raftlab.raft.Configuration;
import raftlab.raft.Entry;
import raftlab.raft.RaftLogView;

/**
 * A committed entry stays on a majority of the disks (counting nodes that are down: their disks survive), or at
 * least on so many that no majority lacks it (see {@link #kept}). Checked on the last committed index; by Log
 * Matching, the entries before it go with it.
 */
public final class CommittedEntryDurability implements Invariant {
    public static final String PROPERTY = "Committed Entry Durability";

    /** Per node: the length of the prefix of its log that equals the committed prefix. */
    private final long[] agree;
    /** The committed prefix's length at the last look. */
    private long lastTop;
    /** The nodes that held it then, as a mask, and whether they were a majority of the configuration in force. */
    private long lastHolders;
    private boolean lastHeld;

    /**
     * Whether {@code holders} are a majority of a configuration appended after the committed one at {@code from}, in
     * any node's log. A configuration is in force as soon as it is appended, so a leader may commit under one not
     * committed yet (a single-server change: its majorities overlap the old one's), and only then does it commit the
     * configuration entry itself. Looked for only when the committed configuration's majority is missing (rare).
     */
    private static boolean laterConfigHolds(Watch w, long from, long holders) {
        for (int id = 1; id <= w.size(); id++) {
            RaftLogView log = w.log(id);
            for (long k = Math.max(from, log.snapshotIndex()) + 1; k <= log.lastIndex(); k++) {
                raftlab.raft.Command cmd = log.get(k).command();
                if (cmd.kind() == raftlab.raft.CommandKind.CONFIG
                        && Majority.reachedBy(Configuration.parse(cmd.value()), holders)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code holders} keep the entry for {@code config}: no majority of it lacks the entry, so every leader it
     * can elect has a holder among its voters. With an odd number of voters that is the same as the holders being a
     * majority; with an even number, half is enough. That half happens without any bug: an entry committed under a
     * single-server change not yet committed (voters 2,3,4: on n2 and n3), after that change was cut off the log
     * again (voters 1,2,3,4: on two of four, and any three of them include n2 or n3).
     */
    private static boolean kept(Watch w, Configuration config, long holders) {
        long everyone = (1L << (w.size() + 1)) - 2; // bits 1..size
        return !Majority.reachedBy(config, everyone & ~holders);
    }

    /** The nodes whose log agrees with the committed prefix up to {@code k}, as a mask. */
    private long holdersOf(Watch w, long k) {
        long mask = 0;
        for (int id = 1; id <= w.size(); id++) {
            if (agree[id] >= k) {
                mask |= 1L << id;
            }
        }
        return mask;
    }

    /**
     * Whether node {@code id}'s log holds the committed prefix up to {@code top}, bringing {@link #agree} up to date
     * where its log or the prefix changed.
     */
    private boolean judge(Watch w, Commitments c, int id, long top) {
        RaftLogView log = w.log(id);
        if (top == lastTop && w.changedFrom(id) > log.lastIndex() && w.lostFrom(id) == Long.MAX_VALUE) {
            return agree[id] >= top; // neither the log nor the committed prefix changed
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
        return a >= top;
    }

    public CommittedEntryDurability(Watch w) {
        agree = new long[w.capacity() + 1];
    }

    @Override
    public void afterEvent(Watch w) {
        Commitments c = w.commitments();
        long top = c.size();
        long holders; // as a mask: bit id for node id
        if (top == lastTop) {
            // Only a node that changed can hold a different prefix: the others keep their bit.
            holders = lastHolders;
            for (int i = 0; i < w.changedCount(); i++) {
                int id = w.changed(i);
                holders = holders & ~(1L << id) | (judge(w, c, id, top) ? 1L << id : 0);
            }
        } else {
            holders = 0;
            for (int id = 1; id <= w.size(); id++) {
                holders |= judge(w, c, id, top) ? 1L << id : 0;
            }
        }
        boolean same = top == lastTop && holders == lastHolders;
        lastTop = top;
        lastHolders = holders;
        if (same && lastHeld) {
            return; // the same nodes hold the same committed prefix, under the same configuration, as last time
        }
        // Judged against the configuration in force at the last committed index (membership changes).
        Configuration config = c.configAt(top);
        lastHeld = top == 0 || kept(w, config, holders);
        if (lastHeld || laterConfigHolds(w, c.configIndexAt(top), holders)) {
            return;
        }
        // The first committed index that lost its majority, for the report: the highest k held by a majority.
        long k = top;
        while (k > 1 && !kept(w, config, holdersOf(w, k))) {
            k--;
        }
        if (kept(w, config, holdersOf(w, k))) {
            k++;
        }
        List<String> who = new ArrayList<>();
        for (int id = 1; id <= w.size(); id++) {
            if (agree[id] >= k) {
                who.add("n" + id);
            }
        }
        boolean plain = !config.joint() && config.voters().size() == w.size()
                && config.voters().idAt(config.voters().size() - 1) == w.size();
        w.report(PROPERTY, "index " + k, "committed index " + k + " (" + Describe.entry(c.entry(k)) + ") is now on "
                + (who.isEmpty() ? "no disk" : "only " + String.join(", ", who)) + ", fewer than a majority of "
                + (plain ? String.valueOf(config.voters().majority()) : config.format()));
    }
}
