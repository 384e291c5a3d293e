package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.Configuration;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;

/** Membership changes from the lab's commands: a node joins by snapshot, is promoted, the leader is removed; joint consensus. */
class MembershipTest {

    private static String run(Lab lab, String command) {
        return String.join("\n", lab.execute(command).lines());
    }

    private static String config(Cluster c, int id) {
        return c.node(id).configuration().format();
    }

    @Test
    void aNewNodeCatchesUpBySnapshotIsPromotedAndARemovedLeaderStepsDown() {
        Lab lab = new Lab();
        run(lab, "cluster 3 --seed 2 --snapshot-every 4");
        run(lab, "run until leader");
        for (int i = 0; i < 10; i++) {
            run(lab, "put k" + i + " " + i);
        }
        run(lab, "tick 100");
        Cluster c = lab.cluster();
        int leader = c.leader();
        assertTrue(c.node(leader).log().snapshotIndex() > 0, "the leader compacted its log");
        String added = run(lab, "add-node");
        assertTrue(added.contains("n4 starts with an empty disk"), added);
        run(lab, "tick 100");
        RaftNode n4 = c.node(4);
        assertTrue(n4.log().snapshotIndex() > 0, "n4 caught up by snapshot");
        assertEquals(c.node(leader).commitIndex(), n4.commitIndex());
        assertEquals(c.node(leader).stateMachine().view(), n4.stateMachine().view());
        assertEquals("voters 1,2,3 learners 4", config(c, 4));
        run(lab, "promote 4");
        run(lab, "tick 50");
        for (int id = 1; id <= 4; id++) {
            assertEquals("voters 1,2,3,4", config(c, id), "n" + id);
        }
        run(lab, "remove-node " + leader);
        String after = run(lab, "tick 50");
        assertTrue(after.contains("n" + leader + " becomes follower in term"), after);
        assertTrue(after.contains("removed from the configuration"), after);
        run(lab, "run until leader");
        int next = c.leader();
        assertNotEquals(leader, next);
        assertNotEquals(0, next);
        run(lab, "put after removal");
        run(lab, "tick 300");
        assertEquals("removal", c.node(4).stateMachine().view().get("after"));
        assertEquals(Role.FOLLOWER, c.node(leader).role(), "the removed node stays quiet");
        assertTrue(run(lab, "check").startsWith("safe"), "no breach");
    }

    @Test
    void reconfigureGoesThroughTheJointConfigurationToTheNewOne() {
        Lab lab = new Lab();
        run(lab, "cluster 3 --seed 4");
        run(lab, "run until leader");
        run(lab, "put a 1");
        run(lab, "tick 50");
        Cluster c = lab.cluster();
        int leader = c.leader();
        String out = run(lab, "reconfigure 1,4,5");
        assertTrue(out.contains("appends configuration entry at index 3 (joint 1,2,3 -> 1,4,5;"), out);
        assertTrue(out.contains("n4 starts with an empty disk") && out.contains("n5 starts with an empty disk"), out);
        assertTrue(c.node(leader).configuration().joint());
        String later = run(lab, "tick 300");
        assertTrue(later.contains("(voters 1,4,5; the joint configuration is committed)"), later);
        run(lab, "run until leader");
        int now = c.leader();
        assertTrue(now == 1 || now == 4 || now == 5, "a voter of C_new leads: n" + now);
        assertEquals(Configuration.parse("voters 1,4,5"), c.node(now).configuration());
        run(lab, "put b 2");
        run(lab, "tick 100");
        assertEquals("2", c.node(5).stateMachine().view().get("b"));
        assertTrue(run(lab, "check").startsWith("safe"), "no breach");
    }

    @Test
    void aChangeWaitsForTheLastOneAndForTheLeadersFirstCommit() {
        Lab lab = new Lab();
        run(lab, "cluster 5 --seed 1");
        run(lab, "run until leader");
        run(lab, "tick 20");
        run(lab, "remove-node 5");
        List<String> second = lab.execute("remove-node 4").lines();
        assertEquals(1, second.size());
        assertTrue(second.get(0).matches("error: n\\d refuses: the change at index 2 \\(voters 1,2,3,4\\) is not "
                + "committed yet"), second.get(0));
        run(lab, "bug two-changes-at-once on");
        String out = run(lab, "remove-node 4");
        assertTrue(out.contains("appends configuration entry at index 3 (voters 1,2,3)"), out);
    }

    @Test
    void aNodeThatDoesNotSupportMembershipSaysSoInOneLine() {
        Lab lab = new Lab();
        run(lab, "cluster 3 --impl examples/complete/MyRaft.java");
        run(lab, "run until leader");
        List<String> out = lab.execute("add-node").lines();
        assertEquals(List.of("error: this node does not support membership change"), out);
        assertEquals(3, lab.cluster().size());
    }
}
