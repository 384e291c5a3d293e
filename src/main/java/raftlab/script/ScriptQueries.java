package raftlab.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

import raftlab.raft.Entry;
import raftlab.raft.PersistentState;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;
import raftlab.sim.InFlight;
import raftlab.sim.Stats;

/**
 * The questions a script can ask of the lab's current cluster, answered as plain values (numbers, strings, lists
 * and sorted or ordered maps) that print the same on every run. They print nothing and change nothing.
 */
final class ScriptQueries {
    private final Supplier<Cluster> cluster;
    private Cluster tapped;
    private EventTap tap;

    /** Takes a supplier because {@code cluster N} replaces the lab's cluster mid-script. */
    ScriptQueries(Supplier<Cluster> cluster) {
        this.cluster = cluster;
        follow();
    }

    /** Listens to the lab's current cluster, if {@code cluster N} has made a new one since the last call. */
    void follow() {
        Cluster c = cluster.get();
        if (c != tapped) {
            tapped = c;
            tap = new EventTap();
            c.addListener(tap);
        }
    }

    /**
     * Everything that happened in this cluster since it was made, in order: node events ([time:, node:, kind:
     * 'role'|'vote'|'commit'|'apply'|'truncate', role:, term:, text:]) and client answers ([time:, node:, kind:
     * 'client', request:, command:, status: 'accepted'|'ok'|'redirect'|'failed'|'unknown'|'lost', index:]).
     */
    List<Map<String, Object>> events() {
        follow();
        return tap.events();
    }

    /** Message counters: [sent:, delivered:, dropped:, duplicated:, byType: [T: [...]], byNode: [id: [...]]]. */
    Map<String, Object> stats() {
        Stats s = cluster.get().stats();
        Map<String, Object> m = counts(new long[] {s.sent(), s.delivered(), s.dropped(), s.duplicated()});
        Map<String, Object> byType = new TreeMap<>();
        s.byType().forEach((type, c) -> byType.put(type, counts(c)));
        Map<Integer, Object> byNode = new TreeMap<>();
        s.byNode().forEach((id, c) -> byNode.put(id, counts(c)));
        m.put("byType", byType);
        m.put("byNode", byNode);
        return m;
    }

    private static Map<String, Object> counts(long[] c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", c[Stats.SENT]);
        m.put("delivered", c[Stats.DELIVERED]);
        m.put("dropped", c[Stats.DROPPED]);
        m.put("duplicated", c[Stats.DUPLICATED]);
        return m;
    }

    /** Id of the live leader with the highest term, or null. */
    Integer leader() {
        int id = cluster.get().leader();
        return id == 0 ? null : id;
    }

    /** Ids of all live nodes in the leader role, ascending (more than one only while an old leader is cut off). */
    List<Integer> leaders() {
        return new ArrayList<>(cluster.get().leaders());
    }

    long now() {
        return cluster.get().now();
    }

    /**
     * What node {@code id} believes: id, up, role, term, votedFor, leaderId, commitIndex, lastApplied, lastIndex,
     * lastTerm, log, config. "None" (no vote, no known leader) is null. A down node reports what is on its disk (term, vote,
     * log) with up=false; its volatile state (role, leaderId, commitIndex, lastApplied) is gone, so null. A leader
     * also shows its nextIndex and matchIndex per peer, as [peer id: index] (null for anyone else).
     */
    Map<String, Object> node(Object id) {
        Cluster c = cluster.get();
        int n = nodeId(id);
        RaftNode node = c.node(n);
        PersistentState disk = c.disk(n);
        RaftLogView log = disk.log();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n);
        m.put("up", node != null);
        m.put("role", node == null ? null : node.role().label());
        m.put("term", disk.currentTerm());
        m.put("votedFor", disk.votedFor() == 0 ? null : disk.votedFor());
        m.put("leaderId", node == null || node.leaderId() == 0 ? null : node.leaderId());
        m.put("commitIndex", node == null ? null : node.commitIndex());
        m.put("lastApplied", node == null ? null : node.lastApplied());
        m.put("lastIndex", log.lastIndex());
        m.put("lastTerm", log.lastTerm());
        m.put("snapshotIndex", log.snapshotIndex());
        m.put("snapshotTerm", log.snapshotTerm());
        m.put("log", entries(log.firstIndex(), log.slice(log.firstIndex(), log.lastIndex())));
        // The configuration it counts majorities over, as `status` shows it (null if down or not supported).
        m.put("config", node == null || node.configuration() == null ? null : node.configuration().format());
        boolean leads = node != null && node.role() == Role.LEADER;
        m.put("nextIndex", leads ? perPeer(c, n, peer -> node.progress(peer) == null ? 0 : node.progress(peer).next()) : null);
        m.put("matchIndex", leads ? perPeer(c, n, peer -> node.progress(peer) == null ? 0 : node.progress(peer).match()) : null);
        return m;
    }

    /** Node {@code id}'s key-value state machine, sorted by key; empty for a down node (its state machine is gone). */
    Map<String, String> kv(Object id) {
        Cluster c = cluster.get();
        RaftNode node = c.node(nodeId(id));
        return node == null ? new TreeMap<>() : new TreeMap<>(node.stateMachine().view());
    }

    /** The messages in flight, by id. */
    List<ScriptMessage> msgs() {
        List<ScriptMessage> out = new ArrayList<>();
        for (InFlight m : cluster.get().inFlight()) {
            out.add(new ScriptMessage(m));
        }
        return out;
    }

    /** A leader's view of each other node, as [peer id: value]. */
    private static Map<Integer, Long> perPeer(Cluster c, int self, IntToLongFunction f) {
        Map<Integer, Long> m = new TreeMap<>();
        for (int peer = 1; peer <= c.size(); peer++) {
            if (peer != self) {
                m.put(peer, f.applyAsLong(peer));
            }
        }
        return m;
    }

    private int nodeId(Object id) {
        int size = cluster.get().size();
        if (id instanceof Number) {
            long n = ((Number) id).longValue();
            if (n == ((Number) id).doubleValue() && n >= 1 && n <= size) {
                return (int) n;
            }
        }
        throw new ScriptFailure("no node " + id + "; nodes are 1.." + size);
    }

    /** Log entries as [index:, term:, command:] maps, numbered from {@code firstIndex}. */
    static List<Map<String, Object>> entries(long firstIndex, List<Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        long index = firstIndex;
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", index++);
            m.put("term", e.term());
            m.put("command", e.command().describe());
            out.add(m);
        }
        return out;
    }
}
