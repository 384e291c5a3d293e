package raftlab.check.invariant;

import java.util.ArrayList;
import java.util.List;

import raftlab.raft.CommandKind;
import raftlab.raft.Configuration;
import raftlab.raft.Entry;
import raftlab.raft.Membership;
import raftlab.raft.PersistentState;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;

/**
 * Which entries are committed, and the State Machine Safety of that: no two different entries are ever committed
 * at one index. An entry counts as committed in two ways, both recorded with the prefix before it:
 * <ul>
 * <li>as the paper defines it: the leader of its term stored it on a majority. Seen from outside, a node that
 * stores an entry of the term it is in got it from that term's leader (or is that leader); when such nodes make a
 * majority, the entry is committed, whether or not anyone has noticed yet. Stored means durable: a copy still in
 * flight to the disk (with {@code --sync} above 0) is not stored yet, since a power loss takes it away before anyone
 * was told it was there. So the entries counted are those of each node's durable log, and "the term it is in" is
 * the term on its disk with them, read even while the node is down;</li>
 * <li>as a node claims it: its commitIndex covers the entry (read from the node, not from its events). A client
 * may already have been told so.</li>
 * </ul>
 */
public final class Commitments implements Invariant {
    public static final String PROPERTY = "State Machine Safety";

    private final Watch w;
    /** The committed prefix: index k at k - 1, who made it committed, and in which term. */
    private final ArrayList<Entry> entries = new ArrayList<>();
    /** Per committed index, how it became committed: written out only when a breach names it. */
    private final ArrayList<How> how = new ArrayList<>();
    /**
     * Entries not committed yet, by index and entry (not only term: with Log Matching broken, two entries share
     * both): the nodes that stored them while in the entry's term, as a bit mask. Entries are told apart by
     * identity, which is cheap: the simulation hands the leader's own entry objects to the followers. Held per index
     * (at index - 1) as a short chain, usually of one: looked up for every entry a disk makes durable.
     */
    private final ArrayList<Stored> storedInTerm = new ArrayList<>();

    private static final class Stored {
        final Entry entry;
        long mask;
        Stored next;

        Stored(Entry entry, Stored next) {
            this.entry = entry;
            this.next = next;
        }
    }

    /** The record of {@code entry} at {@code index}, made (with no node yet) if there is none. */
    private Stored stored(long index, Entry entry) {
        while (storedInTerm.size() < index) {
            storedInTerm.add(null);
        }
        Stored first = storedInTerm.get((int) index - 1);
        for (Stored s = first; s != null; s = s.next) {
            if (s.entry == entry) {
                return s;
            }
        }
        Stored s = new Stored(entry, first);
        storedInTerm.set((int) index - 1, s);
        return s;
    }

    /** Forgets the record of {@code s} at {@code index} (its entry is committed). */
    private void forget(long index, Stored s) {
        Stored first = storedInTerm.get((int) index - 1);
        if (first == s) {
            storedInTerm.set((int) index - 1, s.next);
            return;
        }
        Stored p = first;
        while (p.next != s) {
            p = p.next;
        }
        p.next = s.next;
    }

    /**
     * How an index became committed: by node {@code node}'s commitIndex in {@code term}, or (when {@code mask} is
     * not 0) stored on the majority {@code mask} by the leader of {@code term}.
     */
    private record How(int node, long mask, long term) {
        String describe() {
            return mask == 0 ? "committed by n" + node + " in term " + term
                    : "stored on a majority (" + nodes(mask) + ") by the leader of term " + term;
        }
    }
    private long newFrom = Long.MAX_VALUE;
    /** Per node: how much of its durable log was counted, and the entry at that index then (to see it cut back). */
    private final long[] durableSeen;
    private final Entry[] durableSeenLast;
    /** Per node: its durable log's snapshot index as of {@code durableSeen}. */
    private final long[] durableFloor;
    /**
     * Whether every write is durable at once (no {@code --sync}): then the durable log is the log the {@link Watch}
     * compares, and a node it saw unchanged has nothing new to count.
     */
    private final boolean durableAtOnce;
    /**
     * Per node: the configuration in force in its durable log as of {@code durableSeen} (membership changes: an
     * entry is judged against the configuration in force at its index, which the same prefix gives every holder).
     */
    private final Configuration[] durableConfig;
    /**
     * Per node: {@link raftlab.sim.Cluster#touches} at its last {@link #countDurable}, and whether every write was
     * durable then. If both still hold, its durable log is as that count saw it (only a write, which touches the node,
     * or time bringing a pending write to the disk changes it), and counting again would find nothing.
     */
    private final long[] countedTouches;
    private final boolean[] countedAllDurable;
    private final boolean verify = Watch.verifying();
    /** The configuration entries of the committed prefix, by index: what a majority means at each committed index. */
    private final java.util.TreeMap<Long, Configuration> committedConfigs = new java.util.TreeMap<>();
    /** The last of {@link #committedConfigs}, which {@link #configAt} is asked for nearly always (the top index). */
    private long lastConfigIndex;
    private Configuration lastConfig;

    Commitments(Watch w) {
        this.w = w;
        durableSeen = new long[w.capacity() + 1];
        durableSeenLast = new Entry[w.capacity() + 1];
        durableFloor = new long[w.capacity() + 1];
        durableAtOnce = w.cluster().config().syncMs() == 0;
        durableConfig = new Configuration[w.capacity() + 1];
        countedTouches = new long[w.capacity() + 1];
        countedAllDurable = new boolean[w.capacity() + 1];
        putConfig(0, Configuration.of(w.cluster().voters()));
        // Take the present as given: the most advanced node's committed prefix.
        int best = 0;
        for (int id = 1; id <= w.size(); id++) {
            RaftNode n = w.node(id);
            if (n != null && (best == 0 || n.commitIndex() > w.node(best).commitIndex())) {
                best = id;
            }
        }
        if (best != 0) {
            RaftNode n = w.node(best);
            record(w.log(best), Math.min(n.commitIndex(), n.log().lastIndex()), 1, best, 0, n.currentTerm());
        }
        // Snapshots already on disk are taken as given too: only committed entries are compacted, so what they
        // cover was committed, even if no live node remembers committing that far (their contents are unknown).
        for (int id = 1; id <= w.size(); id++) {
            raftlab.raft.Snapshot snap = w.cluster().disk(id).snapshot();
            if (snap.index() > 0 && snap.config() != null) {
                putConfig(snap.index(), snap.config());
            }
            while (entries.size() < w.log(id).snapshotIndex()) {
                entries.add(null);
                how.add(new How(id, 0, 0));
            }
        }
        newFrom = Long.MAX_VALUE;
    }

    /** How many indexes are known committed (they are 1..size()). */
    public long size() {
        return entries.size();
    }

    public Entry entry(long index) {
        return entries.get((int) index - 1);
    }

    /** The configuration in force at committed index {@code index}: the last committed configuration entry up to it. */
    public Configuration configAt(long index) {
        return index >= lastConfigIndex ? lastConfig : committedConfigs.floorEntry(index).getValue();
    }

    /** The index of the entry {@link #configAt} comes from (0 for the boot configuration). */
    public long configIndexAt(long index) {
        return index >= lastConfigIndex ? lastConfigIndex : committedConfigs.floorKey(index);
    }

    private void putConfig(long index, Configuration config) {
        committedConfigs.put(index, config);
        var last = committedConfigs.lastEntry();
        lastConfigIndex = last.getKey();
        lastConfig = last.getValue();
    }

    /** {@code committed by n1 in term 4}, or {@code stored on a majority (n1, n2, n4) by the leader of term 3}. */
    public String why(long index) {
        return how.get((int) index - 1).describe();
    }

    /** The term in which the entry at {@code index} became committed: leaders of later terms must hold it. */
    public long term(long index) {
        return how.get((int) index - 1).term();
    }

    /** The first index that became committed during the current event, or Long.MAX_VALUE. */
    public long newFrom() {
        return newFrom;
    }

    /**
     * Stands for {@link #afterEvent} after an event in which the watch saw no node change, if it returns true: with
     * every write durable at once, each disk is then the log the watch saw unchanged, counted already (counting it
     * again finds nothing), and no node's commitIndex moved, so nothing becomes committed. With {@code --sync}, time
     * alone makes writes durable: false, and afterEvent must run.
     */
    public boolean afterQuietEvent() {
        if (!durableAtOnce) {
            return false;
        }
        if (verify) {
            for (int id = 1; id <= w.size(); id++) {
                requireAsCounted(id, "the watch saw no node change");
            }
        }
        newFrom = Long.MAX_VALUE;
        return true;
    }

    @Override
    public void afterEvent(Watch w) {
        newFrom = Long.MAX_VALUE;
        int next = 0; // the next of the nodes that changed since the last look (only those can claim more)
        for (int id = 1; id <= w.size(); id++) {
            boolean changed = next < w.changedCount() && w.changed(next) == id;
            if ((changed || !durableAtOnce || durableSeen[id] <= durableFloor[id] || durableConfig[id] == null)
                    && (changed || !durableAsCounted(id))) {
                // Otherwise the disk is the log the watch saw unchanged, or the durable log is as the last count
                // saw it: countDurable would find nothing new.
                countDurable(id);
            }
            if (!changed) {
                continue; // commitIndex, log and node as at the last look, when its claim was recorded
            }
            next++;
            RaftNode n = w.node(id);
            if (n == null) {
                continue;
            }
            RaftLogView log = w.log(id);
            long claim = Math.min(n.commitIndex(), log.lastIndex());
            if (claim > w.commitBefore(id)) {
                record(log, claim, w.commitBefore(id) + 1, id, 0, n.currentTerm());
            }
        }
    }

    /**
     * Whether node {@code id}'s durable log is as {@link #countDurable} last saw it: every write was durable then, and
     * the node was not touched since (see {@link #countedTouches}). Proved where {@link Watch#verifying}.
     */
    private boolean durableAsCounted(int id) {
        if (!countedAllDurable[id] || w.cluster().touches(id) != countedTouches[id]) {
            return false;
        }
        if (verify) {
            requireAsCounted(id, "the node was not touched and every write was durable");
        }
        return true;
    }

    /** Throws unless node {@code id}'s durable log ends as the last count saw it, which {@code why} promised. */
    private void requireAsCounted(int id, String why) {
        RaftLogView log = w.cluster().durableDisk(id).log();
        long seen = durableSeen[id];
        if (log.lastIndex() != seen || log.snapshotIndex() != durableFloor[id]
                || seen > log.snapshotIndex() && log.get(seen) != durableSeenLast[id]) {
            throw new IllegalStateException("n" + id + "'s durable log changed during `" + w.cluster().lastEvent()
                    + "` though " + why);
        }
    }

    /**
     * Counts the entries node {@code id}'s disk made durable since the last look (all of them again, but for the
     * committed prefix, if the durable log was cut back since), each toward its term's majority.
     */
    private void countDurable(int id) {
        countedTouches[id] = w.cluster().touches(id);
        countedAllDurable[id] = w.cluster().allDurable(id);
        PersistentState disk = w.cluster().durableDisk(id);
        RaftLogView log = disk.log();
        long seen = durableSeen[id];
        long from = seen + 1;
        long floor = log.snapshotIndex();
        if (seen > log.lastIndex() || seen > floor && log.get(seen) != durableSeenLast[id]) {
            from = 1; // cut back: rare, so count again from the start rather than find where
        }
        long last = log.lastIndex();
        if (from == seen + 1 && last == seen && seen > floor && durableConfig[id] != null) {
            durableFloor[id] = floor;
            return; // nothing new on the disk, and the configuration counted up to it still holds (see below)
        }
        long start = Math.max(from, floor + 1);
        // The configuration counted up to the last look holds only if nothing since replaced what it came from: a
        // snapshot installed at the last index seen (seen == floor) may bring another configuration than the entries
        // it replaced (explore found a removed voter's old configuration making an entry committed that no majority
        // of the new one held).
        Configuration config = start - 1 == seen && seen > floor && durableConfig[id] != null ? durableConfig[id]
                : Membership.latest(log, start - 1, disk.snapshot(), w.cluster().voters()).config();
        durableSeen[id] = last;
        durableFloor[id] = floor;
        durableSeenLast[id] = last <= floor ? null : log.get(last);
        // Entries a snapshot replaced were committed already (only those are compacted): nothing to count there.
        for (long k = start; k <= last; k++) {
            Entry e = log.get(k);
            if (e.command().kind() == CommandKind.CONFIG) {
                config = Configuration.parse(e.command().value()); // in force from its own index on
            }
            if (e.term() != disk.currentTerm() || k <= entries.size() && entry(k) == e) {
                continue; // stored outside its term, or already committed
            }
            Stored st = stored(k, e);
            long mask = st.mask | 1L << id;
            if (Majority.reachedBy(config, mask)) {
                forget(k, st);
                record(log, k, from, id, mask, e.term());
            } else {
                st.mask = mask;
            }
        }
        durableConfig[id] = config;
    }

    /** The entry at {@code index} of {@code log}; where a snapshot replaced it, the one known committed there, or null. */
    private Entry entryOf(RaftLogView log, long index) {
        if (index > log.snapshotIndex()) {
            return log.get(index);
        }
        return index <= entries.size() ? entry(index) : null;
    }

    /**
     * Records that {@code log} up to {@code upTo} is committed, comparing it with what is known from index
     * {@code compareFrom} on (the entries below were compared when they were seen): by {@code node}, and so on, as
     * {@link How} says. The How is made only if an index is new or differs (most claims repeat what is known).
     */
    private void record(RaftLogView log, long upTo, long compareFrom, int node, long mask, long term) {
        How by = null;
        for (long k = Math.max(1, Math.min(compareFrom, entries.size() + 1)); k <= upTo; k++) {
            Entry e = entryOf(log, k); // where a snapshot replaced it, the entry known there (or null)
            if (k <= entries.size()) {
                Entry c = entry(k);
                if (!Describe.same(e, c)) {
                    by = by != null ? by : new How(node, mask, term);
                    w.report(PROPERTY, "commit " + k, "two different entries are committed at index " + k + ": "
                            + Describe.entry(c, e) + ", " + why(k) + ", and " + Describe.entry(e, c) + ", "
                            + by.describe());
                }
            } else {
                by = by != null ? by : new How(node, mask, term);
                entries.add(e);
                how.add(by);
                newFrom = Math.min(newFrom, k);
                if (e != null && e.command().kind() == CommandKind.CONFIG) {
                    putConfig(k, Configuration.parse(e.command().value()));
                }
            }
        }
    }

    static String nodes(long mask) {
        List<String> out = new ArrayList<>();
        for (int id = 1; id < 64; id++) {
            if ((mask & 1L << id) != 0) {
                out.add("n" + id);
            }
        }
        return String.join(", ", out);
    }
}
