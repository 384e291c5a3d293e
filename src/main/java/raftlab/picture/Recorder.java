package raftlab.picture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import raftlab.raft.ClientReply;
import raftlab.raft.ClientRequest;
import raftlab.raft.Entry;
import raftlab.raft.EventKind;
import raftlab.raft.Message;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.ClientOp;
import raftlab.sim.Cluster;
import raftlab.sim.InFlight;
import raftlab.sim.SimListener;

/**
 * Keeps what a picture needs of a run: every message (sent, delivered or dropped, duplicated), every node event and
 * client result, and each node's state after every event that changed it. A listener on the cluster; it changes
 * nothing. Memory is bounded: each of the three records keeps its last {@code limit} items and counts what it cut;
 * cut state changes are folded into a base state, so the state at any kept moment can still be rebuilt.
 */
public final class Recorder implements SimListener {
    public static final int DEFAULT_LIMIT = 100_000;

    /** Nodes 1..size; it grows when a node joins the cluster ({@code add-node}). */
    private int size;
    /** How many nodes there were when recording began: a node with a higher id joined later. */
    private final int initialSize;
    private final int limit;
    private final ArrayDeque<MessageRecord> messages = new ArrayDeque<>();
    private final ArrayDeque<Happening> happenings = new ArrayDeque<>();
    private final ArrayDeque<StateChange> changes = new ArrayDeque<>();
    /** Messages not yet delivered or dropped, by id. */
    private final Map<Long, MessageRecord> open = new HashMap<>();
    /** A duplicate shares its original's Message object: the id of the first copy of each message still on the wire. */
    private final IdentityHashMap<Message, long[]> copies = new IdentityHashMap<>();
    /** Each node's state before the first kept change. */
    private final NodeState[] base;
    /** Each node's state as last seen, to notice changes. */
    private final NodeState[] seen;
    /** Lowest index a TRUNCATE event removed since the last look, per node; MAX_VALUE if none. */
    private final long[] truncatedFrom;
    private long seq;
    private long cutMessages;
    private long cutHappenings;
    private long cutChanges;
    private long lastTime;

    public Recorder(Cluster cluster) {
        this(cluster, DEFAULT_LIMIT);
    }

    public Recorder(Cluster cluster, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the recorder needs room for at least one item");
        }
        this.size = cluster.size();
        this.initialSize = size;
        this.limit = limit;
        base = new NodeState[Cluster.CAPACITY + 1];
        seen = new NodeState[Cluster.CAPACITY + 1];
        truncatedFrom = new long[Cluster.CAPACITY + 1];
        for (int id = 1; id <= size; id++) {
            seen[id] = new NodeState();
            truncatedFrom[id] = Long.MAX_VALUE;
            look(cluster, id, seen[id]);
            base[id] = seen[id].copy();
        }
    }

    // ---------------------------------------------------------------------------------------------- listening

    @Override
    public void sent(long time, InFlight m) {
        if (ClientRequest.isClientLink(m.message)) {
            return; // the pictures draw the nodes' messages; a client's request shows through its result
        }
        long[] first = copies.get(m.message);
        long copyOf = 0;
        if (first == null) {
            copies.put(m.message, new long[] {m.id, 1});
        } else {
            copyOf = first[0];
            first[1]++;
        }
        MessageRecord r = new MessageRecord(m.id, m.message, time, seq++, m.dueAt(), copyOf);
        open.put(m.id, r);
        add(messages, r);
        lastTime = time;
    }

    @Override
    public void delivered(long time, InFlight m) {
        close(m, MessageFate.DELIVERED, time, null);
    }

    @Override
    public void dropped(long time, InFlight m, String why) {
        close(m, MessageFate.DROPPED, time, why);
    }

    private void close(InFlight m, MessageFate fate, long time, String why) {
        if (ClientRequest.isClientLink(m.message)) {
            return;
        }
        MessageRecord r = open.remove(m.id);
        if (r != null) {
            r.end(fate, time, seq++, why);
        }
        long[] first = copies.get(m.message);
        if (first != null && --first[1] == 0) {
            copies.remove(m.message);
        }
        lastTime = time;
    }

    @Override
    public void nodeEvent(long time, NodeEvent e) {
        if (e.kind() == EventKind.TRUNCATE) {
            truncatedFrom[e.node()] = Math.min(truncatedFrom[e.node()], e.a());
        }
        HappeningKind kind = HappeningKind.of(e.kind());
        happen(time, e.node(), kind, kind == HappeningKind.ROLE ? e.role() : null, kind == HappeningKind.VOTE && e.a() == 1,
                e.describe());
    }

    @Override
    public void clientReply(long time, ClientOp op, ClientReply r) {
        String who = "client #" + op.requestId() + " " + op.describe();
        String text = switch (r.status()) {
            case ACCEPTED -> who + ": accepted at index " + r.index();
            case OK -> who + ": ok at " + (r.why() != null ? r.why() : "index " + r.index()) + (r.value() != null ? ", value \"" + r.value() + "\"" : "");
            case REDIRECT -> who + ": refused, " + r.why();
            case FAILED -> who + ": failed, " + r.why();
            case UNKNOWN -> who + ": outcome unknown, " + r.why();
        };
        happen(time, op.node(), HappeningKind.CLIENT, null, false, text);
    }

    @Override
    public void clientLost(long time, ClientOp op, String why) {
        happen(time, op.node(), HappeningKind.CLIENT, null, false, "client #" + op.requestId() + " " + op.describe()
                + ": outcome unknown, " + why);
    }

    private void happen(long time, int node, HappeningKind kind, Role role, boolean granted, String text) {
        add(happenings, new Happening(time, seq++, node, kind, role, granted, text));
        lastTime = time;
    }

    @Override
    public void afterEvent(Cluster cluster) {
        long now = cluster.now();
        lastTime = now;
        while (size < cluster.size()) {
            size++; // a node joined: until now it was not there, which pictures show as down
            seen[size] = new NodeState();
            seen[size].up = false;
            base[size] = seen[size].copy();
            truncatedFrom[size] = Long.MAX_VALUE;
        }
        for (int id = 1; id <= size; id++) {
            NodeState s = seen[id];
            boolean up = cluster.isUp(id);
            if (up != s.up) {
                boolean joins = up && id > initialSize && s.term == 0 && s.log.isEmpty();
                happen(now, id, up ? HappeningKind.RESTART : HappeningKind.CRASH, null, false,
                        up ? (joins ? "joins" : "restarts") : "crashes");
            }
            if (!up) {
                if (s.up) {
                    s.up = false;
                    record(now, id, s, 0, null);
                }
                continue;
            }
            RaftNode n = cluster.node(id);
            RaftLogView log = n.log();
            long len = log.lastIndex();
            boolean same = up == s.up && n.role() == s.role && n.currentTerm() == s.term
                    && n.commitIndex() == s.commit && n.lastApplied() == s.applied && len == s.log.size()
                    && truncatedFrom[id] == Long.MAX_VALUE
                    && (len <= log.snapshotIndex() || log.get(len).equals(s.log.get((int) len - 1)));
            if (same) {
                continue;
            }
            long from = logChangeFrom(log, s.log, truncatedFrom[id]);
            truncatedFrom[id] = Long.MAX_VALUE;
            List<Entry> tail = null;
            if (from <= Math.max(len, s.log.size())) {
                tail = entries(log, from, len);
            }
            s.up = true;
            s.role = n.role();
            s.term = n.currentTerm();
            s.commit = n.commitIndex();
            s.applied = n.lastApplied();
            record(now, id, s, from, tail);
        }
    }

    /** The first index at which the node's log differs from what was last seen ({@code old.size()+1} if it only grew). */
    private static long logChangeFrom(RaftLogView log, List<Entry> old, long truncated) {
        long start = Math.min(old.size(), log.lastIndex());
        if (truncated != Long.MAX_VALUE) {
            start = Math.min(start, truncated - 1);
        }
        // Below a snapshot nothing is compared: compaction changes no entry.
        while (start > log.snapshotIndex() && !log.get(start).equals(old.get((int) start - 1))) {
            start--;
        }
        return start + 1;
    }

    private void record(long now, int id, NodeState s, long from, List<Entry> tail) {
        StateChange c = new StateChange(now, seq++, id, s.up, s.role, s.term, s.commit, s.applied, from, tail);
        if (tail != null) {
            s.log.subList((int) Math.min(from - 1, s.log.size()), s.log.size()).clear();
            s.log.addAll(tail);
        }
        changes.add(c);
        if (changes.size() > limit) {
            StateChange old = changes.poll();
            base[old.node()].apply(old);
            cutChanges++;
        }
    }

    private <T> void add(ArrayDeque<T> q, T item) {
        q.add(item);
        if (q.size() > limit) {
            q.poll();
            if (q == messages) {
                cutMessages++;
            } else {
                cutHappenings++;
            }
        }
    }

    private static void look(Cluster cluster, int id, NodeState s) {
        s.up = cluster.isUp(id);
        RaftNode n = cluster.node(id);
        if (n == null) {
            return;
        }
        s.role = n.role();
        s.term = n.currentTerm();
        s.commit = n.commitIndex();
        s.applied = n.lastApplied();
        s.log.clear();
        s.log.addAll(entries(n.log(), 1, n.log().lastIndex()));
    }

    /**
     * The log's entries from {@code from} to {@code to}. Where a snapshot replaced them (a node that installed one,
     * or a recording started after compaction) they are unknown here: each is shown as a no-op of the snapshot's
     * last term, a placeholder.
     */
    private static List<Entry> entries(RaftLogView log, long from, long to) {
        long floor = log.snapshotIndex();
        if (from > floor) {
            return log.slice(from, to);
        }
        List<Entry> out = new java.util.ArrayList<>();
        Entry placeholder = new Entry(log.snapshotTerm(), raftlab.raft.Command.NOOP);
        for (long k = from; k <= Math.min(floor, to); k++) {
            out.add(placeholder);
        }
        out.addAll(log.slice(floor + 1, to));
        return out;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** Number of nodes. */
    public int size() {
        return size;
    }

    /** How many items of each kind the recorder keeps. */
    public int limit() {
        return limit;
    }

    /** The latest virtual time the recorder heard of. */
    public long lastTime() {
        return lastTime;
    }

    /**
     * What happened between {@code from} and {@code to} (inclusive, virtual ms), with each node's state at
     * {@code from}. Messages are those sent or ended inside the window, or on the wire across it.
     */
    public RunRecord window(long from, long to) {
        NodeState[] start = new NodeState[size + 1];
        for (int id = 1; id <= size; id++) {
            start[id] = base[id].copy();
        }
        List<StateChange> inside = new ArrayList<>();
        for (StateChange c : changes) {
            if (c.time() < from) {
                start[c.node()].apply(c);
            } else if (c.time() <= to) {
                inside.add(c);
            }
        }
        List<MessageRecord> ms = new ArrayList<>();
        for (MessageRecord m : messages) {
            boolean endsBefore = m.fate() != MessageFate.IN_FLIGHT && m.endAt() < from;
            if (m.sentAt() <= to && !endsBefore) {
                ms.add(m);
            }
        }
        List<Happening> hs = new ArrayList<>();
        for (Happening h : happenings) {
            if (h.time() >= from && h.time() <= to) {
                hs.add(h);
            }
        }
        long earliest = messages.isEmpty() ? 0 : messages.peek().sentAt();
        return new RunRecord(size, from, to, start, inside, ms, hs, cutMessages, cutHappenings, cutChanges, limit,
                earliest);
    }

    /** The whole kept record. */
    public RunRecord all() {
        return window(0, lastTime);
    }
}
