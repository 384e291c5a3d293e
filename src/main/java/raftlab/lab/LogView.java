package raftlab.lab;

import java.util.List;

import raftlab.raft.Entry;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;

/**
 * {@code log}: the chosen nodes' logs side by side, one row per index, so that divergence shows at a glance.
 * Each cell is {@code TERM COMMAND} followed by a mark: {@code *} committed and applied, {@code c} committed only,
 * {@code a} applied but not committed (only a bug does that). A node whose log starts after a snapshot shows
 * {@code [snapshot tT]} at the snapshot's last index and nothing above it: those entries are gone.
 */
final class LogView {
    private LogView() {
    }

    static void render(Cluster c, List<Integer> ids, long fromIndex, Output out) {
        String[] header = new String[ids.size() + 1];
        header[0] = "index";
        long maxIndex = 0;
        boolean snapshots = false;
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.get(i);
            header[i + 1] = "n" + id + suffix(c, id);
            maxIndex = Math.max(maxIndex, c.disk(id).log().lastIndex());
            snapshots |= c.disk(id).log().snapshotIndex() > 0;
        }
        Table t = new Table(header).alignRight(0);
        for (long index = Math.max(1, fromIndex); index <= maxIndex; index++) {
            String[] row = new String[ids.size() + 1];
            row[0] = String.valueOf(index);
            for (int i = 0; i < ids.size(); i++) {
                row[i + 1] = cell(c, ids.get(i), index);
            }
            t.row(row);
        }
        t.render(out);
        if (maxIndex == 0) {
            out.line("(all logs are empty)");
        } else {
            out.line("marks: * committed and applied, c committed, a applied but not committed"
                    + (snapshots ? "; [snapshot tT]: the entries up to here are replaced by a snapshot" : ""));
        }
    }

    private static String suffix(Cluster c, int id) {
        if (!c.isUp(id)) {
            return " (down)";
        }
        RaftNode n = c.node(id);
        return switch (n.role()) {
            case LEADER -> " (leader t" + n.currentTerm() + ")";
            case CANDIDATE -> " (candidate t" + n.currentTerm() + ")";
            case PRE_CANDIDATE -> " (pre-candidate t" + n.currentTerm() + ")";
            case FOLLOWER -> "";
        };
    }

    /** Longest key or value a cell shows, in columns: a 150-character value must not widen every column. */
    static final int MAX_VALUE = 20;

    /** {@code put x=1}, {@code put x="a b"}, {@code put x=""}: keys and values quoted when they need it, long ones cut. */
    static String describe(raftlab.raft.Command cmd) {
        return describe(cmd, MAX_VALUE);
    }

    /** As {@link #describe(raftlab.raft.Command)}, cutting keys and values at {@code max} columns. */
    static String describe(raftlab.raft.Command cmd, int max) {
        String key = cmd.key() == null ? "" : Text.value(cmd.key(), max);
        String value = cmd.value() == null ? "" : Text.value(cmd.value(), max);
        return switch (cmd.kind()) {
            case NOOP -> "noop";
            case CONFIG -> "config " + cmd.value();
            case PUT -> "put " + key + "=" + value;
            case APPEND -> "append " + key + "+=" + value;
            case CAS -> "cas " + key + " " + Text.value(cmd.expected(), max) + "->" + value;
            case GET, DELETE -> cmd.kind().label() + " " + key;
        };
    }

    private static String cell(Cluster c, int id, long index) {
        RaftLogView log = c.disk(id).log();
        if (index > log.lastIndex() || index < log.snapshotIndex()) {
            return "";
        }
        if (index == log.snapshotIndex()) {
            return "[snapshot t" + log.snapshotTerm() + "]";
        }
        Entry e = log.get(index);
        String text = e.term() + " " + describe(e.command());
        if (!c.isUp(id)) {
            return text;
        }
        RaftNode n = c.node(id);
        boolean committed = index <= n.commitIndex();
        boolean applied = index <= n.lastApplied();
        if (committed && applied) {
            return text + " *";
        }
        if (committed) {
            return text + " c";
        }
        return applied ? text + " a" : text;
    }
}
