package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.raft.Entry;
import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.Role;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/** Each property catches a breach built by hand (by writing logs directly), and a healthy run breaks none. */
class SafetyMonitorTest {
    private static Entry entry(long term, String key, String value, long request) {
        return new Entry(term, new Command(CommandKind.PUT, key, value, request));
    }

    private static Cluster cluster(SafetyMonitor[] monitor) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 3));
        monitor[0] = new SafetyMonitor(c);
        c.addListener(monitor[0]);
        return c;
    }

    @Test
    void aHealthyRunWithClientsBreaksNothing() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        History h = new History();
        c.addListener(h);
        new Workload(c, h, 3, 3, 20, 0);
        c.tick(2000);
        c.crash(c.leader());
        c.tick(2000);
        assertFalse(m[0].breached());
        assertTrue(h.size() > 50, "the clients should have done work: " + h.size());
        assertTrue(raftlab.check.linear.LinearizabilityChecker.check(h.operations()).linearizable());
        assertEquals(java.util.List.of(), StateCheck.check(c));
    }

    @Test
    void logMatchingCatchesTwoEntriesWithOneIndexAndTerm() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        append(c.disk(1), entry(1, "x", "1", 1));
        append(c.disk(2), entry(1, "x", "2", 2));
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.LOG_MATCHING, b.breach().property());
        assertTrue(b.breach().detail().contains("index 1"), b.breach().line());
        assertEquals(1, m[0].breaches().size());
    }

    @Test
    void logMatchingCatchesEqualEntriesWithDifferentPrefixes() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        Entry shared = entry(2, "y", "1", 7);
        append(c.disk(1), entry(1, "x", "1", 1));
        append(c.disk(1), shared);
        append(c.disk(2), entry(2, "x", "2", 2));
        append(c.disk(2), shared);
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.LOG_MATCHING, b.breach().property());
        assertTrue(b.breach().detail().contains("differ before it"), b.breach().line());
    }

    @Test
    void stateMachineSafetyCatchesTwoCommandsAppliedAtOneIndex() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        append(c.disk(1), entry(1, "x", "1", 1));
        append(c.disk(2), entry(2, "x", "2", 2));
        m[0].nodeEvent(0, new NodeEvent(EventKind.APPLY, 1, Role.FOLLOWER, 1, 0, 1, 1, null));
        m[0].nodeEvent(0, new NodeEvent(EventKind.APPLY, 2, Role.FOLLOWER, 2, 0, 1, 1, null));
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.STATE_MACHINE_SAFETY, b.breach().property());
        assertTrue(b.breach().line().contains("n1 applied \"put x=1\" at index 1 but n2 applied \"put x=2\""),
                b.breach().line());
    }

    @Test
    void electionSafetyCatchesASecondLeaderOfATermEvenAfterTheFirstIsGone() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        m[0].nodeEvent(0, new NodeEvent(EventKind.ROLE, 1, Role.LEADER, 4, 0, 3, 0, null));
        m[0].afterEvent(c);
        m[0].nodeEvent(0, new NodeEvent(EventKind.ROLE, 3, Role.LEADER, 4, 0, 3, 0, null));
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.ELECTION_SAFETY, b.breach().property());
        assertTrue(b.breach().detail().contains("n1 and n3 both became leader of term 4"), b.breach().line());
    }

    @Test
    void leaderAppendOnlyCatchesALeaderLosingEntries() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        c.tick(1000);
        int leader = c.leader();
        assertTrue(leader != 0);
        c.submit(leader, CommandKind.PUT, "x", "1");
        c.tick(100);
        truncate(c.disk(leader), c.disk(leader).log().lastIndex());
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.LEADER_APPEND_ONLY, b.breach().property());
    }

    @Test
    void aTruncationEventFromALeaderIsABreach() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        m[0].nodeEvent(0, new NodeEvent(EventKind.TRUNCATE, 2, Role.LEADER, 3, 0, 1, 1, "test"));
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.LEADER_APPEND_ONLY, b.breach().property());
    }

    @Test
    void durabilityCatchesACommittedEntryLeavingTheMajority() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        c.tick(1000);
        int leader = c.leader();
        c.submit(leader, CommandKind.PUT, "x", "1");
        c.tick(200);
        int wiped = 0;
        for (int id = 1; id <= 5 && wiped < 3; id++) {
            if (id != leader) {
                truncate(c.disk(id), 1);
                wiped++;
            }
        }
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.DURABLE_COMMIT, b.breach().property());
        assertTrue(b.breach().detail().contains("fewer than a majority of 3"), b.breach().line());
    }

    @Test
    void afterTheFirstBreachTheMonitorStaysQuiet() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        append(c.disk(1), entry(1, "x", "1", 1));
        append(c.disk(2), entry(1, "x", "2", 2));
        assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        m[0].afterEvent(c);
        assertEquals(1, m[0].breaches().size());
    }

    @Test
    void stateCheckFindsDivergentLogsInASnapshot() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 1));
        append(c.disk(1), entry(1, "x", "1", 1));
        append(c.disk(1), entry(1, "x", "3", 3));
        append(c.disk(2), entry(1, "x", "2", 2));
        append(c.disk(2), entry(1, "x", "3", 3));
        var found = StateCheck.check(c);
        assertEquals(1, found.size(), found.toString());
        assertEquals(SafetyMonitor.LOG_MATCHING, found.get(0).property());
    }

    /** Puts an entry on a disk behind the nodes' backs, as a corrupting bug would. */
    private static void append(raftlab.raft.PersistentState disk, Entry e) {
        disk.apply(new raftlab.raft.DiskWrite(disk.currentTerm(), disk.votedFor(), disk.log().lastIndex(),
                java.util.List.of(e)));
    }

    /** Removes a disk's entries from {@code from} on, behind the nodes' backs. */
    private static void truncate(raftlab.raft.PersistentState disk, long from) {
        disk.apply(new raftlab.raft.DiskWrite(disk.currentTerm(), disk.votedFor(), from - 1, java.util.List.of()));
    }
}
