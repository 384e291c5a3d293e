package raftlab.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import raftlab.raft.Command;
import raftlab.raft.Entry;
import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;
import raftlab.sim.SimListener;

/**
 * Watches a running cluster and checks Raft's safety properties after every event, over the whole history:
 * <ul>
 * <li>Election Safety: at most one leader per term, ever;</li>
 * <li>Leader Append-Only: a leader never removes entries from its log;</li>
 * <li>Log Matching: entries with the same index and term hold the same command and follow the same prefix;</li>
 * <li>Leader Completeness: a new leader holds every entry committed before it was elected;</li>
 * <li>State Machine Safety: no two nodes commit or apply different commands at one index;</li>
 * <li>commitIndex and lastApplied never go back on a live node, and lastApplied never passes commitIndex;</li>
 * <li>a committed entry stays on a majority of the disks (a snapshot counts for the entries it replaced);</li>
 * <li>a snapshot replaces only committed entries, and records the term of the committed entry it ends with.</li>
 * </ul>
 * Logs that start after a snapshot are read only from their first entry: what a snapshot replaced is checked through
 * the snapshot's last index and term against the committed prefix.
 * The first breach is recorded and thrown as a {@link SafetyBreach} out of the event loop; after it the monitor
 * stops checking (the state is known to be bad; more reports would be noise).
 *
 * <p>Everything is incremental so that checking costs little per event: each log is scanned only past the point
 * seen last time (a truncation event moves that point back), commits and applies are checked from the node
 * events that report them, and an election is checked against the committed prefix once.
 */
public final class SafetyMonitor implements SimListener {
    public static final String ELECTION_SAFETY = "Election Safety";
    public static final String LEADER_APPEND_ONLY = "Leader Append-Only";
    public static final String LOG_MATCHING = "Log Matching";
    public static final String LEADER_COMPLETENESS = "Leader Completeness";
    public static final String STATE_MACHINE_SAFETY = "State Machine Safety";
    public static final String MONOTONIC = "Monotonic Commit";
    public static final String APPLIED_COMMITTED = "Applied <= Committed";
    public static final String DURABLE_COMMIT = "Committed Entry Durability";
    public static final String SNAPSHOT_COMMITTED = "Snapshot Holds Committed Entries";

    private final Cluster cluster;
    private final int size;
    private final int majority;
    private final List<Breach> breaches = new ArrayList<>();
    private boolean stopped;
    /** A breach found inside a node's step; raised once the event is complete, so the node is not left half-way. */
    private Breach pending;

    /** Term -> the node that became leader in it. */
    private final HashMap<Long, Integer> leaderOfTerm = new HashMap<>();

    // Per node (index = node id). A restart makes a new RaftNode object: that is how a restart is told apart.
    private final RaftNode[] seenNode;
    private final long[] seenCommit;
    private final long[] seenApplied;
    /** commitIndex as reported by COMMIT events (also reset on restart). */
    private final long[] eventCommit;
    /** How much of each disk's log has been checked for Log Matching, and its last entry (to spot silent change). */
    private final long[] shadowLen;
    private final Entry[] shadowLast;
    /** The term a node led at the last look, or -1: a leader's log may only grow while it leads that term. */
    private final long[] ledTerm;
    /** Length of the prefix of each disk's log that equals the committed prefix. */
    private final long[] agree;
    /** The snapshot index of each disk at the last look. */
    private final long[] seenSnapshot;

    /** Every (index, term) entry ever seen: by index, a chain of the distinct terms seen there. */
    private final ArrayList<Seen> seen = new ArrayList<>();
    /** The committed prefix (index k at k - 1), who committed each entry first, and in which term. */
    private final ArrayList<Entry> committed = new ArrayList<>();
    private final ArrayList<int[]> committedBy = new ArrayList<>();
    /** What each index was applied as, by the first node to apply it. */
    private final ArrayList<Command> applied = new ArrayList<>();
    private final ArrayList<Integer> appliedBy = new ArrayList<>();

    private static final class Seen {
        final long term;
        final Entry entry;
        final long prevTerm;
        final int node;
        final Seen next;

        Seen(long term, Entry entry, long prevTerm, int node, Seen next) {
            this.term = term;
            this.entry = entry;
            this.prevTerm = prevTerm;
            this.node = node;
            this.next = next;
        }
    }

    /** A monitor for {@code cluster}, taking its current state as the starting point. Add it as a listener. */
    public SafetyMonitor(Cluster cluster) {
        this.cluster = cluster;
        this.size = cluster.size();
        this.majority = cluster.voters().majority();
        seenNode = new RaftNode[size + 1];
        seenCommit = new long[size + 1];
        seenApplied = new long[size + 1];
        eventCommit = new long[size + 1];
        shadowLen = new long[size + 1];
        shadowLast = new Entry[size + 1];
        agree = new long[size + 1];
        seenSnapshot = new long[size + 1];
        ledTerm = new long[size + 1];
        java.util.Arrays.fill(ledTerm, -1);
        baseline();
    }

    /** Takes the present as given: the logs as seen, the most advanced node's committed and applied prefix. */
    private void baseline() {
        int best = 0;
        for (int id = 1; id <= size; id++) {
            RaftNode n = cluster.node(id);
            seenNode[id] = n;
            if (n != null) {
                seenCommit[id] = n.commitIndex();
                seenApplied[id] = n.lastApplied();
                eventCommit[id] = n.commitIndex();
                if (n.role() == Role.LEADER) {
                    leaderOfTerm.put(n.currentTerm(), id);
                }
                if (best == 0 || n.commitIndex() > cluster.node(best).commitIndex()) {
                    best = id;
                }
            }
        }
        if (best != 0) {
            RaftNode n = cluster.node(best);
            long first = n.log().firstIndex(); // below it, compacted: known only as committed (null)
            for (long k = 1; k <= n.commitIndex(); k++) {
                committed.add(k < first ? null : n.log().get(k));
                committedBy.add(new int[] {best, (int) n.currentTerm()});
            }
            for (long k = 1; k <= n.lastApplied(); k++) {
                applied.add(k < first ? null : n.log().get(k).command());
                appliedBy.add(best);
            }
        }
        // Snapshots already on disk are taken as given too: only committed entries are compacted, so what they cover
        // was committed, even if no live node remembers committing that far.
        for (int id = 1; id <= size; id++) {
            long snap = cluster.disk(id).log().snapshotIndex();
            seenSnapshot[id] = snap;
            while (committed.size() < snap) {
                committed.add(null);
                committedBy.add(new int[] {id, 0});
            }
        }
    }

    /** Breaches found so far (at most one: the monitor stops at the first). */
    public List<Breach> breaches() {
        return List.copyOf(breaches);
    }

    public boolean breached() {
        return !breaches.isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- during events

    @Override
    public void nodeEvent(long time, NodeEvent e) {
        if (stopped || pending != null) {
            return;
        }
        int id = e.node();
        sync(id);
        switch (e.kind()) {
            case ROLE:
                if (e.role() == Role.LEADER) {
                    onLeader(time, id, e.term());
                }
                break;
            case TRUNCATE:
                if (e.role() == Role.LEADER) {
                    pending = breach(time, LEADER_APPEND_ONLY, "n" + id + ", leader of term " + e.term()
                            + ", removed " + e.b() + " entries of its own log from index " + e.a());
                }
                long keep = e.a() - 1;
                if (shadowLen[id] > keep) {
                    shadowLen[id] = keep;
                    shadowLast[id] = entryOrNull(cluster.disk(id).log(), keep);
                }
                agree[id] = Math.min(agree[id], keep);
                break;
            case COMMIT:
                onCommit(time, id, e.a(), e.term());
                break;
            case APPLY:
                onApply(time, id, e.a(), e.b());
                break;
            default:
                break;
        }
    }

    private void onLeader(long time, int id, long term) {
        Integer before = leaderOfTerm.putIfAbsent(term, id);
        if (before != null && before != id) {
            pending = breach(time, ELECTION_SAFETY, "n" + before + " and n" + id + " both became leader of term " + term);
            return;
        }
        RaftLogView log = cluster.disk(id).log();
        for (long k = log.firstIndex(); k <= committed.size(); k++) {
            Entry c = committed.get((int) k - 1);
            if (k > log.lastIndex() || !same(log.get(k), c)) {
                int[] by = committedBy.get((int) k - 1);
                pending = breach(time, LEADER_COMPLETENESS, "n" + id + " became leader of term " + term
                        + " without index " + k + " (" + show(c) + "), committed by n" + by[0] + " in term " + by[1]
                        + (k > log.lastIndex() ? "; its log ends at " + log.lastIndex()
                        : "; it has " + show(log.get(k)) + " there"));
                return;
            }
        }
    }

    private void onCommit(long time, int id, long upTo, long term) {
        RaftLogView log = cluster.disk(id).log();
        for (long k = Math.max(eventCommit[id] + 1, log.firstIndex()); k <= upTo && k <= log.lastIndex(); k++) {
            Entry e = log.get(k);
            if (k <= committed.size()) {
                Entry c = committed.get((int) k - 1);
                if (!same(e, c)) {
                    pending = breach(time, STATE_MACHINE_SAFETY, "n" + id + " committed " + show(e, c) + " at index "
                            + k + " but n" + committedBy.get((int) k - 1)[0] + " committed " + show(c, e) + " there");
                    return;
                }
            } else {
                committed.add(e);
                committedBy.add(new int[] {id, (int) term});
            }
        }
        eventCommit[id] = Math.max(eventCommit[id], upTo);
    }

    private void onApply(long time, int id, long from, long to) {
        RaftLogView log = cluster.disk(id).log();
        for (long k = Math.max(from, log.firstIndex()); k <= to && k <= log.lastIndex(); k++) {
            Command c = log.get(k).command();
            if (k <= applied.size()) {
                Command first = applied.get((int) k - 1);
                if (first != null && !first.equals(c)) {
                    pending = breach(time, STATE_MACHINE_SAFETY, "n" + appliedBy.get((int) k - 1) + " applied "
                            + show(first, c) + " at index " + k + " but n" + id + " applied " + show(c, first)
                            + " at index " + k);
                    return;
                }
            } else {
                applied.add(c);
                appliedBy.add(id);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- after events

    @Override
    public void afterEvent(Cluster c) {
        if (stopped) {
            return;
        }
        if (pending != null) {
            raise(pending);
        }
        long time = cluster.now();
        for (int id = 1; id <= size; id++) {
            sync(id);
            checkSnapshot(time, id);
            RaftNode n = seenNode[id];
            if (n != null) {
                long commit = n.commitIndex();
                long app = n.lastApplied();
                if (commit < seenCommit[id]) {
                    raise(breach(time, MONOTONIC, "n" + id + "'s commitIndex went back from " + seenCommit[id]
                            + " to " + commit));
                }
                if (app < seenApplied[id]) {
                    raise(breach(time, MONOTONIC, "n" + id + "'s lastApplied went back from " + seenApplied[id]
                            + " to " + app));
                }
                if (app > commit) {
                    raise(breach(time, APPLIED_COMMITTED, "n" + id + " applied up to index " + app
                            + " but has committed only up to " + commit));
                }
                seenCommit[id] = commit;
                seenApplied[id] = app;
                scanLog(time, id, n);
                ledTerm[id] = n.role() == Role.LEADER ? n.currentTerm() : -1;
            } else {
                ledTerm[id] = -1;
            }
            extendAgreement(id);
        }
        checkDurable(time);
    }

    /** Notices a crash (the node is gone) or a restart (a new node object, with fresh volatile state). */
    private void sync(int id) {
        RaftNode n = cluster.node(id);
        if (n != seenNode[id]) {
            seenNode[id] = n;
            seenCommit[id] = 0;
            seenApplied[id] = 0;
            eventCommit[id] = 0;
        }
    }

    /** Checks the entries a disk's log gained since the last look against every entry ever seen at their index. */
    private void scanLog(long time, int id, RaftNode n) {
        RaftLogView log = cluster.disk(id).log();
        long len = log.lastIndex();
        long from = shadowLen[id];
        long floor = log.snapshotIndex();
        if (from < floor) {
            from = floor; // compacted (or replaced by an installed snapshot): only what follows it is there to read
        } else if (from > len || (from > floor && log.get(from) != shadowLast[id])) {
            if (n.role() == Role.LEADER && n.currentTerm() == ledTerm[id]) {
                raise(breach(time, LEADER_APPEND_ONLY, "n" + id + ", leader of term " + ledTerm[id]
                        + ", lost or changed entries of its own log at or below index " + from));
            }
            from = floor; // changed without a truncation event: look at all of it again
            agree[id] = 0;
        }
        for (long k = from + 1; k <= len; k++) {
            Entry e = log.get(k);
            long prevTerm = log.termAt(k - 1);
            while (seen.size() < k) {
                seen.add(null);
            }
            Seen s = seen.get((int) k - 1);
            Seen match = s;
            while (match != null && match.term != e.term()) {
                match = match.next;
            }
            if (match == null) {
                seen.set((int) k - 1, new Seen(e.term(), e, prevTerm, id, s));
            } else if (!same(match.entry, e)) {
                raise(breach(time, LOG_MATCHING, "n" + match.node + " and n" + id + " both hold an entry of term "
                        + e.term() + " at index " + k + " but they differ: " + show(match.entry, e) + " vs "
                        + show(e, match.entry)));
            } else if (match.prevTerm != prevTerm) {
                raise(breach(time, LOG_MATCHING, "n" + match.node + " and n" + id + " both hold " + show(e)
                        + " at index " + k + " but their logs differ before it: the entry at index " + (k - 1)
                        + " is of term " + match.prevTerm + " on n" + match.node + " and of term " + prevTerm
                        + " on n" + id));
            }
        }
        shadowLen[id] = len;
        shadowLast[id] = entryOrNull(log, len);
    }

    private static Entry entryOrNull(RaftLogView log, long index) {
        return index <= log.snapshotIndex() ? null : log.get(index);
    }

    /**
     * A disk's new snapshot must replace committed entries only, and end with the term of the entry committed at its
     * index: otherwise a node's state, or the terms it compares logs by, hold something never agreed.
     */
    private void checkSnapshot(long time, int id) {
        RaftLogView log = cluster.disk(id).log();
        long s = log.snapshotIndex();
        if (s == seenSnapshot[id]) {
            return;
        }
        seenSnapshot[id] = s;
        if (s > committed.size()) {
            raise(breach(time, SNAPSHOT_COMMITTED, "n" + id + " took a snapshot up to index " + s
                    + " but entries are committed only up to index " + committed.size()));
        }
        Entry c = committed.get((int) s - 1);
        if (c != null && c.term() != log.snapshotTerm()) {
            raise(breach(time, SNAPSHOT_COMMITTED, "n" + id + "'s snapshot ends at index " + s + " with term "
                    + log.snapshotTerm() + ", but the entry committed there is " + show(c)));
        }
    }

    private void extendAgreement(int id) {
        RaftLogView log = cluster.disk(id).log();
        long a = agree[id];
        long snap = log.snapshotIndex();
        if (a < snap) {
            // The snapshot stands for the committed entries it replaced, if it ends where the committed prefix does.
            Entry c = snap <= committed.size() ? committed.get((int) snap - 1) : null;
            if (snap > committed.size() || (c != null && c.term() != log.snapshotTerm())) {
                agree[id] = a;
                return;
            }
            a = snap;
        }
        long limit = Math.min(committed.size(), log.lastIndex());
        while (a < limit && same(log.get(a + 1), committed.get((int) a))) {
            a++;
        }
        agree[id] = a;
    }

    /** The last committed entry is on a majority of disks (then, by Log Matching, so is every earlier one). */
    private void checkDurable(long time) {
        long top = committed.size();
        if (top == 0) {
            return;
        }
        long onMajority = cluster.voters().committedIndex(id -> agree[id]);
        if (onMajority >= top) {
            return;
        }
        // The first committed index that lost its majority, for the report.
        long k = onMajority + 1;
        List<String> who = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            if (agree[id] >= k) {
                who.add("n" + id);
            }
        }
        raise(breach(time, DURABLE_COMMIT, "committed index " + k + " (" + show(committed.get((int) k - 1))
                + ") is now on " + (who.isEmpty() ? "no disk" : "only " + String.join(", ", who)) + ", fewer than a majority of "
                + majority));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Breach breach(long time, String property, String detail) {
        return new Breach(time, property, detail, cluster.lastEvent());
    }

    private void raise(Breach b) {
        pending = null;
        stopped = true;
        breaches.add(b);
        throw new SafetyBreach(b);
    }

    /** Whether two entries are the same; null (compacted before the monitor began) matches anything. */
    private static boolean same(Entry a, Entry b) {
        return a == b || a == null || b == null || a.equals(b);
    }

    /** {@code "put x=1" of term 2}. */
    static String show(Entry e) {
        if (e == null) {
            return "an entry compacted before checking began";
        }
        return "\"" + e.command().describe() + "\" of term " + e.term();
    }

    /** {@code "put x=1"}, with the request id when {@code other} would print the same. */
    static String show(Command c, Command other) {
        String s = "\"" + c.describe() + "\"";
        return c.describe().equals(other.describe()) ? s + " (request #" + c.requestId() + ")" : s;
    }

    static String show(Entry e, Entry other) {
        String s = show(e);
        if (e == null || other == null) {
            return s;
        }
        return s.equals(show(other)) ? s + " (request #" + e.command().requestId() + ")" : s;
    }
}
