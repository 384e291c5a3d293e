package raftlab.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import raftlab.raft.Entry;
import raftlab.raft.PersistentState;
import raftlab.raft.RaftLog;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;
import raftlab.sim.InFlight;

/**
 * The questions a script can ask of the lab's current cluster, answered as plain values (numbers, strings, lists
 * and sorted or ordered maps) that print the same on every run. They print nothing and change nothing.
 */
final class ScriptQueries {
    private final java.util.function.Supplier<Cluster> cluster;

    /** Takes a supplier because {@code cluster N} replaces the lab's cluster mid-script. */
    ScriptQueries(java.util.function.Supplier<Cluster> cluster) {
        this.cluster = cluster;
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
     * lastTerm, log. "None" (no vote, no known leader) is null. A down node reports what is on its disk (term, vote,
     * log) with up=false; its volatile state (role, leaderId, commitIndex, lastApplied) is gone, so null.
     */
    Map<String, Object> node(Object id) {
        Cluster c = cluster.get();
        int n = nodeId(id);
        RaftNode node = c.node(n);
        PersistentState disk = c.disk(n);
        RaftLog log = disk.log();
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
        m.put("log", entries(1, log.slice(1, log.lastIndex())));
        return m;
    }

    /** Node {@code id}'s key-value state machine, sorted by key; empty for a down node (its state machine is gone). */
    Map<String, String> kv(Object id) {
        Cluster c = cluster.get();
        RaftNode node = c.node(nodeId(id));
        return node == null ? new TreeMap<>() : new TreeMap<>(node.kv().view());
    }

    /** The messages in flight, by id. */
    List<ScriptMessage> msgs() {
        List<ScriptMessage> out = new ArrayList<>();
        for (InFlight m : cluster.get().inFlight()) {
            out.add(new ScriptMessage(m));
        }
        return out;
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
