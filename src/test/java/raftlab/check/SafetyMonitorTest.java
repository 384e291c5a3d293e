package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.raft.Entry;
import raftlab.raft.EventKind;
import raftlab.raft.NodeEvent;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.InFlight;

/** Each property catches a breach built by hand (by writing logs directly), and a healthy run breaks none. */
class SafetyMonitorTest {
    private static Entry entry(long term, String key, String value, long request) {
        return new Entry(term, new Command(CommandKind.PUT, key, value, request));
    }

    private static Cluster cluster(SafetyMonitor[] monitor) {
        Cluster c = Tamper.cluster(ClusterConfig.defaults(5, 3));
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
        Tamper.append(c, 1, entry(1, "x", "1", 1));
        Tamper.append(c, 2, entry(1, "x", "2", 2));
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
        Tamper.append(c, 1, entry(1, "x", "1", 1));
        Tamper.append(c, 1, shared);
        Tamper.append(c, 2, entry(2, "x", "2", 2));
        Tamper.append(c, 2, shared);
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.LOG_MATCHING, b.breach().property());
        assertTrue(b.breach().detail().contains("differ before it"), b.breach().line());
    }

    @Test
    void stateMachineSafetyCatchesTwoCommandsAppliedAtOneIndex() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        Entry one = entry(1, "x", "1", 1);
        Entry two = entry(2, "x", "2", 2);
        Tamper.append(c, 1, one);
        Tamper.append(c, 2, two);
        for (int id = 1; id <= 2; id++) {
            RaftNode n = c.node(id);
            ((Tamper.Tampered) n).apply(n.log().get(1).command());
            tamper(n, "commitIndex", 1);
            tamper(n, "lastApplied", 1);
        }
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertTrue(b.breaches().stream().anyMatch(x -> x.property().equals(SafetyMonitor.STATE_MACHINE_SAFETY)
                && x.detail().equals("n1 applied \"put x=1\" at index 1 but n2 applied \"put x=2\" at index 1")),
                b.breaches().toString());
        // Both also claim index 1 committed: two different entries committed at one index.
        assertTrue(b.breaches().stream().anyMatch(x -> x.detail().startsWith("two different entries are committed at"
                + " index 1: \"put x=1\" of term 1, committed by n1 in term 0, and \"put x=2\" of term 2, committed by n2")),
                b.breaches().toString());
    }

    @Test
    void appliedWithinCommitCatchesANodeApplyingPastItsCommitIndex() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        int leader = withCommittedPuts(c, 1);
        int follower = leader % 5 + 1;
        c.setHold(true);
        c.submit(leader, CommandKind.PUT, "y", "7");
        c.tick(0); // the end of the instant: the batching leader sends the entry
        for (InFlight f : c.inFlight()) {
            if (f.message.to() == follower) {
                c.deliver(f);
            }
        }
        RaftNode f = c.node(follower);
        long last = f.log().lastIndex();
        ((Tamper.Tampered) f).apply(f.log().get(last).command());
        tamper(f, "lastApplied", last); // applied, not committed
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.APPLIED_COMMITTED, b.breach().property(), b.breaches().toString());
        assertEquals("n" + follower + " applied up to index " + last + " but has committed only up to " + (last - 1),
                b.breach().detail());
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
        Tamper.truncate(c, leader, c.node(leader).log().lastIndex());
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
                Tamper.truncate(c, id, 1);
                wiped++;
            }
        }
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertTrue(b.breaches().stream().anyMatch(x -> x.property().equals(SafetyMonitor.DURABLE_COMMIT)
                && x.detail().contains("fewer than a majority of 3")), b.breaches().toString());
    }

    @Test
    void afterABreachTheMonitorKeepsCheckingAndReportsEachDistinctBreachOnce() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        Tamper.append(c, 1, entry(1, "x", "1", 1));
        Tamper.append(c, 2, entry(1, "x", "2", 2));
        assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        m[0].afterEvent(c); // the same bad state: not a new breach
        assertEquals(1, m[0].breaches().size());
        Tamper.append(c, 3, entry(1, "x", "3", 3)); // another node, but the same index and term: the same breach
        m[0].afterEvent(c);
        assertEquals(1, m[0].breaches().size());
        Tamper.append(c, 1, entry(2, "y", "1", 4));
        Tamper.append(c, 2, entry(2, "y", "2", 5)); // a second index: a new breach, reported
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertTrue(b.breach().detail().contains("index 2"), b.breach().line());
        assertEquals(2, m[0].breaches().size());
    }

    /** Makes a node report {@code value} as its commitIndex or lastApplied: a correct node never breaks these rules. */
    private static void tamper(RaftNode node, String field, long value) {
        Tamper.Tampered t = (Tamper.Tampered) node;
        switch (field) {
            case "commitIndex" -> t.setCommitIndex(value);
            case "lastApplied" -> t.setLastApplied(value);
            default -> throw new AssertionError("no such field to tamper with: " + field);
        }
    }

    /** A leader, with puts x=1..n committed and applied everywhere. */
    private static int withCommittedPuts(Cluster c, int n) {
        c.tick(1000);
        int leader = c.leader();
        for (int i = 1; i <= n; i++) {
            c.submit(leader, CommandKind.PUT, "x", Integer.toString(i));
        }
        c.tick(300);
        return leader;
    }

    @Test
    void monotonicCommitCatchesACommitIndexGoingBack() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        int leader = withCommittedPuts(c, 2);
        int follower = leader % 5 + 1;
        tamper(c.node(follower), "commitIndex", 1);
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.MONOTONIC, b.breach().property(), b.breach().line());
        assertTrue(b.breach().detail().contains("commitIndex went back from 3 to 1"), b.breach().line());
    }

    @Test
    void commitWithinLogAndCommittedEntryKeptCatchAFollowerCuttingItsCommittedEntries() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        int leader = withCommittedPuts(c, 3);
        int follower = leader % 5 + 1;
        assertEquals(4, c.node(follower).commitIndex());
        Tamper.truncate(c, follower, 4); // only one node loses it: a majority still holds index 4
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        List<String> properties = b.breaches().stream().map(Breach::property).toList();
        assertEquals(List.of(SafetyMonitor.COMMIT_WITHIN_LOG, SafetyMonitor.COMMITTED_KEPT), properties,
                b.breaches().toString());
        assertTrue(b.breaches().get(1).detail().contains("removed or replaced index 4"), b.breaches().toString());
    }

    /**
     * The monitor judges a node only when something it reads there changed (most events change one node): a node
     * whose disk, commitIndex and role stay as they were but whose own log ends below its commitIndex must still
     * count as changed, and be caught.
     */
    @Test
    void commitWithinLogCatchesANodeWhoseOwnLogAloneWasCut() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        int leader = withCommittedPuts(c, 3);
        int follower = leader % 5 + 1;
        assertEquals(4, c.node(follower).commitIndex());
        Tamper.truncateReportedLog(c, follower, 3);
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(List.of(SafetyMonitor.COMMIT_WITHIN_LOG), b.breaches().stream().map(Breach::property).toList(),
                b.breaches().toString());
        assertTrue(b.breach().detail().contains("n" + follower + "'s commitIndex is 4 but its log ends at 2"),
                b.breach().line());
    }

    @Test
    void truncateOnStaleAppendCutsAFollowerBelowItsCommitIndexAndIsCaught() {
        // The case: a stale AppendEntries reaches a follower that has committed past it. A majority still
        // holds every committed entry, so only the follower's own commitIndex shows what went wrong.
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = new Cluster(ClusterConfig.defaults(3, 1));
        c.bugs().add(raftlab.raft.Bug.TRUNCATE_ON_STALE_APPEND);
        m[0] = new SafetyMonitor(c);
        c.addListener(m[0]);
        c.tick(400);
        int leader = c.leader();
        int follower = leader % 3 + 1;
        c.setHold(true);
        c.submit(leader, CommandKind.PUT, "x", "1");
        c.tick(0); // the end of the instant: the batching leader sends the entry
        InFlight stale = null;
        for (InFlight f : c.inFlight()) {
            if (f.message.to() == follower && f.message instanceof raftlab.raft.AppendEntries) {
                stale = c.duplicate(f);
            }
        }
        assertTrue(stale != null, "no AppendEntries to n" + follower);
        c.submit(leader, CommandKind.PUT, "x", "2");
        c.submit(leader, CommandKind.PUT, "x", "3");
        for (int round = 0; round < 4; round++) {
            deliverAllBut(c, stale);
            c.tick(50); // a heartbeat carries the leader's commitIndex
        }
        deliverAllBut(c, stale);
        assertEquals(4, c.node(follower).commitIndex());
        InFlight late = stale;
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> c.deliver(late));
        assertEquals(List.of(SafetyMonitor.COMMIT_WITHIN_LOG, SafetyMonitor.COMMITTED_KEPT),
                b.breaches().stream().map(Breach::property).toList(), b.breaches().toString());
    }

    private static void deliverAllBut(Cluster c, InFlight keep) {
        for (InFlight f : c.inFlight()) {
            if (f != keep && c.message(f.id) != null) {
                c.deliver(f);
            }
        }
    }

    @Test
    void leaderCompletenessJudgesAgainstEntriesStoredOnAMajorityThatNoNodeKnowsAreCommitted() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        c.bugs().add(raftlab.raft.Bug.NO_UP_TO_DATE_CHECK);
        c.tick(1000);
        int leader = c.leader();
        c.setHold(true);
        c.submit(leader, CommandKind.PUT, "x", "1");
        c.tick(0); // the end of the instant: the batching leader sends the entry
        long index = c.node(leader).log().lastIndex();
        // Two followers store it (with the leader, a majority of 5); their acknowledgements are lost.
        List<Integer> stored = new java.util.ArrayList<>();
        for (InFlight f : c.inFlight()) {
            if (f.message instanceof raftlab.raft.AppendEntries && stored.size() < 2) {
                stored.add(f.message.to());
                c.deliver(f);
            }
        }
        for (InFlight f : c.inFlight()) {
            c.dropByUser(f);
        }
        assertTrue(c.node(leader).commitIndex() < index, "nobody may know it is committed");
        c.crash(leader);
        int other = 1;
        while (other == leader || stored.contains(other)) {
            other++;
        }
        c.fireElectionTimeout(other);
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> c.stabilize(100));
        assertEquals(SafetyMonitor.LEADER_COMPLETENESS, b.breach().property(), b.breach().line());
        assertTrue(b.breach().detail().contains("stored on a majority"), b.breach().line());
    }

    @Test
    void aStateMachineThatSkippedAnIndexDiffersFromTheReference() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        int leader = withCommittedPuts(c, 1);
        int follower = leader % 5 + 1;
        c.setHold(true);
        c.submit(leader, CommandKind.PUT, "y", "7");
        c.submit(leader, CommandKind.PUT, "z", "8");
        c.tick(0); // the end of the instant: both entries go out together (batching)
        for (InFlight f : c.inFlight()) {
            if (f.message.to() == follower) {
                c.deliver(f);
            }
        }
        RaftNode f = c.node(follower);
        long last = f.log().lastIndex();
        assertEquals(f.lastApplied() + 2, last, "the follower holds both new entries");
        // It claims to have applied both, but applied only the second.
        ((Tamper.Tampered) f).apply(f.log().get(last).command());
        tamper(f, "commitIndex", last);
        tamper(f, "lastApplied", last);
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertTrue(b.breaches().stream().anyMatch(x -> x.property().equals(SafetyMonitor.STATE_MACHINE_SAFETY)
                && x.detail().contains("n" + follower + "'s state machine at applied index " + last)),
                b.breaches().toString());
    }

    @Test
    void anApplyReportThatSkipsAnIndexIsCaught() {
        SafetyMonitor[] m = new SafetyMonitor[1];
        Cluster c = cluster(m);
        m[0].nodeEvent(0, new NodeEvent(EventKind.APPLY, 1, Role.FOLLOWER, 1, 0, 2, 3, null));
        SafetyBreach b = assertThrows(SafetyBreach.class, () -> m[0].afterEvent(c));
        assertEquals(SafetyMonitor.STATE_MACHINE_SAFETY, b.breach().property());
        assertTrue(b.breach().detail().contains("index 1 was skipped"), b.breach().line());
    }

    @Test
    void stateCheckFindsDivergentLogsInASnapshot() {
        Cluster c = Tamper.cluster(ClusterConfig.defaults(3, 1));
        Tamper.append(c, 1, entry(1, "x", "1", 1));
        Tamper.append(c, 1, entry(1, "x", "3", 3));
        Tamper.append(c, 2, entry(1, "x", "2", 2));
        Tamper.append(c, 2, entry(1, "x", "3", 3));
        var found = StateCheck.check(c);
        assertEquals(1, found.size(), found.toString());
        assertEquals(SafetyMonitor.LOG_MATCHING, found.get(0).property());
    }
}
