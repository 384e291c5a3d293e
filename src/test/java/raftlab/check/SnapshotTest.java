package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.CommandKind;
import raftlab.raft.InstallSnapshot;
import raftlab.raft.ProgressState;
import raftlab.raft.Settings;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.InFlight;
import raftlab.sim.SimListener;

/** Log compaction end to end: compaction, InstallSnapshot in chunks, restarts from a snapshot, under the monitor. */
class SnapshotTest {

    private static Cluster cluster(long every, int chunk) {
        Settings s = Settings.DEFAULT.withSnapshots(every, chunk);
        Cluster c = new Cluster(new ClusterConfig(3, 1, s, 1, 5));
        c.addListener(new SafetyMonitor(c));
        c.tick(400);
        assertNotEquals(0, c.leader());
        return c;
    }

    private static int follower(Cluster c) {
        return c.leader() == 1 ? 2 : 1;
    }

    private static void puts(Cluster c, int n, String prefix) {
        for (int i = 0; i < n; i++) {
            c.submit(c.leader(), CommandKind.PUT, prefix + i, String.valueOf(i));
            c.tick(10);
        }
    }

    private static final class Sent implements SimListener {
        final List<InstallSnapshot> chunks = new ArrayList<>();

        @Override
        public void sent(long time, InFlight m) {
            if (m.message instanceof InstallSnapshot is) {
                chunks.add(is);
            }
        }
    }

    @Test
    void aFollowerThatMissedCompactedEntriesGetsTheSnapshotInChunksAndCatchesUp() {
        Cluster c = cluster(5, 16);
        int f = follower(c);
        c.crash(f);
        puts(c, 20, "k");
        int leader = c.leader();
        assertTrue(c.disk(leader).log().snapshotIndex() >= 15, "the leader compacted what it applied");
        Sent sent = new Sent();
        c.addListener(sent);
        c.restart(f);
        c.tick(300);
        assertFalse(sent.chunks.isEmpty(), "a snapshot was sent");
        assertTrue(sent.chunks.stream().anyMatch(is -> is.offset() > 0), "in more than one chunk");
        assertTrue(sent.chunks.stream().anyMatch(InstallSnapshot::done));
        assertEquals(c.node(leader).stateMachine().view(), c.node(f).stateMachine().view());
        assertTrue(c.disk(f).log().snapshotIndex() > 0, "the follower's log starts after the snapshot");
        assertEquals(c.node(leader).lastApplied(), c.node(f).lastApplied());
        assertEquals(ProgressState.REPLICATE, c.node(leader).progress(f).state(), "back to replicate after");
    }

    @Test
    void aDroppedChunkIsSentAgainOnTheHeartbeat() {
        Cluster c = cluster(5, 16);
        int f = follower(c);
        c.crash(f);
        puts(c, 12, "k");
        c.setHold(true);
        c.restart(f);
        // Let time pass until the leader sends the snapshot; drop its second chunk, deliver everything else.
        boolean dropped = false;
        for (int round = 0; round < 40 && !dropped; round++) {
            c.tick(10);
            for (InFlight m : c.inFlight()) {
                if (m.message instanceof InstallSnapshot is && is.offset() > 0 && !dropped) {
                    c.dropByUser(m);
                    dropped = true;
                }
            }
            for (InFlight m : c.inFlight()) {
                c.deliver(m);
            }
        }
        assertTrue(dropped, "a chunk was seen and dropped");
        assertEquals(0, c.disk(f).log().snapshotIndex(), "not installed with a gap");
        c.setHold(false);
        c.tick(200);
        assertTrue(c.disk(f).log().snapshotIndex() > 0, "installed once the missing chunk came again");
        assertEquals(c.node(c.leader()).stateMachine().view(), c.node(f).stateMachine().view());
    }

    @Test
    void aNodeRestartsFromItsSnapshotPlusTheRestOfItsLog() {
        Cluster c = cluster(4, 1024);
        puts(c, 10, "k");
        c.tick(100);
        int f = follower(c);
        var before = new java.util.TreeMap<>(c.node(f).stateMachine().view());
        long snap = c.disk(f).log().snapshotIndex();
        assertTrue(snap > 0);
        c.crash(f);
        c.restart(f);
        assertEquals(snap, c.node(f).lastApplied(), "what the snapshot covers is applied at once");
        c.tick(200);
        assertEquals(before, c.node(f).stateMachine().view());
    }

    @Test
    void snapshotCommandCompactsOnlyAppliedEntries() {
        Cluster c = cluster(0, 1024);
        puts(c, 3, "k");
        int l = c.leader();
        c.setHold(true);
        c.submit(l, CommandKind.PUT, "late", "1"); // appended, not committed while messages are held
        c.compact(l);
        assertEquals(c.node(l).lastApplied(), c.disk(l).log().snapshotIndex());
        assertTrue(c.disk(l).log().lastIndex() > c.disk(l).log().snapshotIndex(), "the unapplied entry stays");
    }

    @Test
    void aMonitorStartedLateTakesTheSnapshotsOnDiskAsGiven() {
        Cluster c = new Cluster(new ClusterConfig(3, 1, Settings.DEFAULT, 1, 5)); // no monitor yet
        c.tick(400);
        puts(c, 6, "k");
        c.tick(100);
        c.compact(1);
        puts(c, 6, "m");
        c.tick(100);
        c.compact(2); // n2's snapshot reaches further than n1's
        for (int id = 1; id <= 3; id++) {
            c.crash(id);
        }
        c.restart(1); // remembers committing only as far as its own snapshot
        assertTrue(c.disk(2).log().snapshotIndex() > c.node(1).commitIndex());
        SafetyMonitor m = new SafetyMonitor(c);
        c.addListener(m);
        c.restart(2);
        c.restart(3);
        c.tick(1000);
        puts(c, 6, "after");
        c.tick(200);
        assertFalse(m.breached(), m.breaches().toString());
    }

    @Test
    void aSnapshotLostToAPowerLossIsNeitherABreachNorAnError() {
        // With disk writes taking 20 ms, a snapshot taken just before a power loss is not yet durable: the disk falls
        // back to the log it kept. The monitor must take that calmly (it once read index 0 of the committed list).
        Cluster c = new Cluster(new ClusterConfig(3, 1, Settings.DEFAULT, 1, 5, 20));
        SafetyMonitor m = new SafetyMonitor(c);
        c.addListener(m);
        c.tick(1000);
        assertNotEquals(0, c.leader());
        puts(c, 5, "k");
        c.tick(500);
        int f = follower(c);
        c.compact(f);
        assertNotEquals(0, c.disk(f).log().snapshotIndex(), "the snapshot was written");
        c.powerLoss(f);
        assertEquals(0, c.disk(f).log().snapshotIndex(), "and lost with the power");
        c.restart(f);
        c.tick(1000);
        assertEquals(java.util.List.of(), m.breaches());
    }
}
