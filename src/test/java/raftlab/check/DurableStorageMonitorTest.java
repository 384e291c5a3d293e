package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import raftlab.raft.CommandKind;
import raftlab.raft.MessageType;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.InFlight;

/**
 * With a disk sync time, "stored" means durable: a copy on its way to a follower's disk does not make an entry
 * committed, so losing it to a power loss breaks nothing; a copy that is durable on a majority does.
 */
class DurableStorageMonitorTest {
    /** A 5-node cluster, sync 20 ms, n1 leading; a put at index 2 written on n1 (durable) and on n2, n3 (not yet). */
    private static Cluster putOnThreeDisks(SafetyMonitor[] monitor) {
        Cluster c = Tamper.cluster(ClusterConfig.defaults(5, 7).withSync(20));
        monitor[0] = new SafetyMonitor(c);
        c.addListener(monitor[0]);
        c.fireElectionTimeout(1);
        c.tick(100);
        assertEquals(1, c.leader());
        c.setHold(true);
        c.submit(1, CommandKind.PUT, "k", "v");
        c.tick(20); // n1's copy is durable and its AppendEntries leave
        for (int to : new int[] {2, 3}) {
            for (InFlight m : c.inFlight()) {
                if (m.message.to() == to && m.message.kind() == MessageType.APPEND_ENTRIES) {
                    c.deliver(m);
                }
            }
        }
        assertEquals(2, c.disk(2).log().lastIndex(), "written on n2");
        assertEquals(2, c.disk(3).log().lastIndex(), "and on n3");
        return c;
    }

    @Test
    void aCopyNotYetDurableIsNotStored() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = putOnThreeDisks(m);
        c.tick(5);
        c.powerLoss(2); // n2's copy is lost: it was never acknowledged, nor counted as stored
        assertFalse(m[0].breached(), m[0].breaches().toString());
        assertEquals(1, c.disk(2).log().lastIndex());
    }

    @Test
    void aCopyDurableOnAMajorityIsCommittedAndTheMonitorWatchesIt() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = putOnThreeDisks(m);
        c.tick(20); // durable on n1, n2, n3: committed, whether or not n1 heard of it
        Tamper.truncate(c, 2, 2);
        Tamper.truncate(c, 3, 2);
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.DURABLE_COMMIT, b.breach().property(), b.breach().line());
    }
}
