package raftlab.lab;

import raftlab.raft.Configuration;
import raftlab.raft.Membership;
import raftlab.raft.PersistentState;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;

/** {@code status}: one row per node with what it believes. A down node shows only what is on its disk. */
final class StatusView {
    private StatusView() {
    }

    /** A {@code snapshot} column (index/term of each disk's snapshot) appears once any node has one. */
    static void render(Cluster c, Output out) {
        boolean snapshots = false;
        for (int id = 1; id <= c.size(); id++) {
            snapshots |= c.disk(id).log().snapshotIndex() > 0;
        }
        boolean membership = membershipChanged(c);
        java.util.List<String> heads = new java.util.ArrayList<>(snapshots
                ? java.util.List.of("node", "state", "role", "term", "voted", "leader", "snapshot", "last", "commit",
                "applied", "timer")
                : java.util.List.of("node", "state", "role", "term", "voted", "leader", "last", "commit", "applied",
                "timer"));
        if (membership) {
            heads.add("config"); // each node's configuration in force: they differ while a change spreads
        }
        Table t = new Table(heads.toArray(new String[0]));
        t = snapshots ? t.alignRight(3, 8, 9) : t.alignRight(3, 7, 8);
        for (int id = 1; id <= c.size(); id++) {
            PersistentState disk = c.disk(id);
            String last = disk.log().lastIndex() + "/" + disk.log().lastTerm();
            String voted = disk.votedFor() == 0 ? "-" : "n" + disk.votedFor();
            String snap = disk.log().snapshotIndex() == 0 ? "-"
                    : disk.log().snapshotIndex() + "/" + disk.log().snapshotTerm();
            String[] row;
            if (!c.isUp(id)) {
                row = new String[] {"n" + id, "down", "-", String.valueOf(disk.currentTerm()), voted, "-", last, "-",
                        "-", "-"};
            } else {
                RaftNode n = c.node(id);
                long due = c.electionDue(id);
                row = new String[] {"n" + id, "up", n.role().label(), String.valueOf(n.currentTerm()), voted,
                        n.leaderId() == 0 ? "-" : "n" + n.leaderId(), last, String.valueOf(n.commitIndex()),
                        String.valueOf(n.lastApplied()), due == 0 ? "-" : "@" + due};
            }
            row = snapshots ? withSnapshot(row, snap) : row;
            t.row(membership ? withConfig(row, configOf(c, id)) : row);
        }
        t.render(out);
        String clocks = NetView.clocks(c);
        if (clocks != null) {
            out.line(clocks);
        }
    }

    /**
     * Whether a {@code config} column is needed: a node joined, or some node's configuration is no longer the one the
     * cluster started with (membership changes). Read from the disks, so down nodes count too.
     */
    private static boolean membershipChanged(Cluster c) {
        if (c.size() > c.voters().size()) {
            return true;
        }
        Configuration boot = Configuration.of(c.voters());
        for (int id = 1; id <= c.size(); id++) {
            if (!configOf(c, id).equals(boot)) {
                return true;
            }
        }
        return false;
    }

    /** The configuration in force on node {@code id}: its own if up, else the last one on its disk. */
    static Configuration configOf(Cluster c, int id) {
        RaftNode n = c.node(id);
        if (n != null && n.configuration() != null) {
            return n.configuration();
        }
        PersistentState disk = c.disk(id);
        return Membership.latest(disk.log(), disk.log().lastIndex(), disk.snapshot(), c.voters()).config();
    }

    private static String[] withConfig(String[] row, Configuration config) {
        String[] r = java.util.Arrays.copyOf(row, row.length + 1);
        r[row.length] = config.format();
        return r;
    }

    private static String[] withSnapshot(String[] row, String snap) {
        String[] r = new String[row.length + 1];
        System.arraycopy(row, 0, r, 0, 6);
        r[6] = snap;
        System.arraycopy(row, 6, r, 7, row.length - 6);
        return r;
    }
}
