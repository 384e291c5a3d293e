package raftlab.lab;

import raftlab.raft.PersistentState;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;

/** {@code status}: one row per node with what it believes. A down node shows only what is on its disk. */
final class StatusView {
    private StatusView() {
    }

    static void render(Cluster c, Output out) {
        Table t = new Table("node", "state", "role", "term", "voted", "leader", "last", "commit", "applied", "timer")
                .alignRight(3, 7, 8);
        for (int id = 1; id <= c.size(); id++) {
            PersistentState disk = c.disk(id);
            String last = disk.log().lastIndex() + "/" + disk.log().lastTerm();
            String voted = disk.votedFor() == 0 ? "-" : "n" + disk.votedFor();
            if (!c.isUp(id)) {
                t.row("n" + id, "down", "-", String.valueOf(disk.currentTerm()), voted, "-", last, "-", "-", "-");
                continue;
            }
            RaftNode n = c.node(id);
            long due = c.electionDue(id);
            t.row("n" + id, "up", n.role().label(), String.valueOf(n.currentTerm()), voted,
                    n.leaderId() == 0 ? "-" : "n" + n.leaderId(), last, String.valueOf(n.commitIndex()),
                    String.valueOf(n.lastApplied()), due == 0 ? "-" : "@" + due);
        }
        t.render(out);
    }
}
