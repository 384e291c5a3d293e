package raftlab.lab;

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
        Table t = snapshots
                ? new Table("node", "state", "role", "term", "voted", "leader", "snapshot", "last", "commit", "applied",
                "timer").alignRight(3, 8, 9)
                : new Table("node", "state", "role", "term", "voted", "leader", "last", "commit", "applied", "timer")
                .alignRight(3, 7, 8);
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
            t.row(snapshots ? withSnapshot(row, snap) : row);
        }
        t.render(out);
        String clocks = NetView.clocks(c);
        if (clocks != null) {
            out.line(clocks);
        }
    }

    private static String[] withSnapshot(String[] row, String snap) {
        String[] r = new String[row.length + 1];
        System.arraycopy(row, 0, r, 0, 6);
        r[6] = snap;
        System.arraycopy(row, 6, r, 7, row.length - 6);
        return r;
    }
}
