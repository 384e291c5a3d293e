package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.AppendEntries;
import raftlab.raft.AppendEntriesReply;
import raftlab.raft.Backoff;
import raftlab.raft.CommandKind;
import raftlab.raft.ProgressState;
import raftlab.raft.Settings;

/** --max-batch, --max-inflight, --backoff, the heartbeat retry and batching of proposals in one instant. */
class FlowControlTest {

    private static Cluster elected(Settings s) {
        Cluster c = new Cluster(new ClusterConfig(3, 1, s, 1, 5));
        c.tick(400);
        assertNotEquals(0, c.leader());
        return c;
    }

    private static int follower(Cluster c) {
        return c.leader() == 1 ? 2 : 1;
    }

    /**
     * The leader of term 1 is cut off and takes 20 writes that nobody else gets; the rest elect a leader that
     * commits 20 writes of its own, and a third is elected after that; on healing, the old leader's 20 conflicting entries must be found. Returns the
     * refusals that took.
     */
    private static long refusalsToRepair(Backoff backoff) {
        Cluster c = elected(Settings.DEFAULT.withFlow(64, 0, backoff));
        int old = c.leader();
        c.network().partition(old == 1 ? new int[] {0, 1, 2, 2} : old == 2 ? new int[] {0, 2, 1, 2}
                : new int[] {0, 2, 2, 1});
        for (int i = 0; i < 20; i++) {
            c.submit(old, CommandKind.PUT, "lost" + i, "1");
        }
        c.tick(1000);
        int fresh = c.leaders().stream().filter(l -> l != old).findFirst().orElseThrow();
        for (int i = 0; i < 20; i++) {
            c.submit(fresh, CommandKind.PUT, "kept" + i, "1");
        }
        c.tick(100);
        // A third leader, elected with the long log: its nextIndex for the old leader starts past all of it.
        int third = 6 - old - fresh;
        c.fireElectionTimeout(third);
        c.tick(100);
        assertEquals(List.of(third), c.leaders().stream().filter(l -> l != old).toList());
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.network().heal();
        c.tick(2000);
        assertEquals(c.disk(third).log().lastIndex(), c.disk(old).log().lastIndex(), "repaired");
        return t.delivered.stream().filter(m -> m.message instanceof AppendEntriesReply r && !r.success()
                && r.rejectedIndex() > 0).count();
    }

    @Test
    void figure2BackoffTakesARoundTripPerEntryTheHintOnePerTerm() {
        long one = refusalsToRepair(Backoff.ONE);
        long term = refusalsToRepair(Backoff.TERM);
        assertTrue(term <= 2, "the hint skips the whole term: " + term);
        assertTrue(one >= 15, "one entry per refusal: " + one);
    }

    @Test
    void maxInflightLimitsUnansweredAppendEntriesPerFollower() {
        // Without batching, so that each put is an AppendEntries of its own and the window has something to limit.
        Cluster c = elected(Settings.DEFAULT.withFlow(64, 2, Backoff.TERM).withBatch(false));
        c.tick(100);
        int l = c.leader();
        int f = follower(c);
        c.setHold(true);
        for (int i = 0; i < 6; i++) {
            c.submit(l, CommandKind.PUT, "k" + i, "v");
        }
        long withEntries = c.inFlight().stream().filter(m -> m.message.to() == f
                && m.message instanceof AppendEntries ae && !ae.entries().isEmpty()).count();
        assertEquals(2, withEntries, "two in flight, the rest wait for answers");
        c.setHold(false);
        c.tick(200);
        assertEquals(c.disk(l).log().lastIndex(), c.disk(f).log().lastIndex(), "the rest follow as answers come");
    }

    @Test
    void aFollowerThatAnswersNothingForAHeartbeatIsProbedAgain() {
        // Without batching: the two puts fill the window of two AppendEntries.
        Cluster c = elected(Settings.DEFAULT.withFlow(64, 2, Backoff.TERM).withBatch(false));
        c.tick(100);
        int l = c.leader();
        int f = follower(c);
        c.setHold(true);
        c.submit(l, CommandKind.PUT, "a", "1");
        c.submit(l, CommandKind.PUT, "b", "2");
        for (InFlight m : List.copyOf(c.inFlight())) {
            if (m.message.to() == f) {
                c.dropByUser(m); // lost: the window stays full, nothing answers
            }
        }
        assertTrue(c.node(l).progress(f).paused());
        c.tick(110); // a whole heartbeat interval passes with no answer
        assertEquals(ProgressState.PROBE, c.node(l).progress(f).state());
        assertTrue(c.inFlight().stream().anyMatch(m -> m.message.to() == f && m.message instanceof AppendEntries ae
                && !ae.entries().isEmpty()), "the lost entries go out again, as a probe");
        c.setHold(false);
        c.tick(200);
        assertEquals(c.disk(l).log().lastIndex(), c.disk(f).log().lastIndex());
    }

    @Test
    void maxBatchSplitsABacklog() {
        Cluster c = elected(Settings.DEFAULT.withFlow(3, 0, Backoff.TERM));
        int l = c.leader();
        int f = follower(c);
        c.crash(f);
        for (int i = 0; i < 10; i++) {
            c.submit(l, CommandKind.PUT, "k" + i, "v");
        }
        c.tick(100);
        TraceListener t = new TraceListener();
        c.addListener(t);
        c.restart(f);
        c.tick(300);
        assertTrue(t.sent.stream().allMatch(m -> !(m.message instanceof AppendEntries ae) || ae.entries().size() <= 3));
        assertEquals(c.disk(l).log().lastIndex(), c.disk(f).log().lastIndex());
    }

    @Test
    void proposalsInOneInstantGoOutTogetherByDefault() {
        assertTrue(Settings.DEFAULT.batch(), "batching is the default");
        Cluster c = elected(Settings.DEFAULT);
        c.tick(100);
        int l = c.leader();
        TraceListener t = new TraceListener();
        c.addListener(t);
        for (int i = 0; i < 5; i++) {
            c.submit(l, CommandKind.PUT, "k" + i, "v");
        }
        c.tick(1);
        List<AppendEntries> sent = t.sent.stream().filter(m -> m.message instanceof AppendEntries)
                .map(m -> (AppendEntries) m.message).toList();
        assertEquals(2, sent.size(), "one AppendEntries per follower: " + sent);
        assertTrue(sent.stream().allMatch(ae -> ae.entries().size() == 5));
    }

    @Test
    void proposalsInDifferentInstantsGoOutSeparately() {
        Cluster c = elected(Settings.DEFAULT);
        c.tick(100);
        int l = c.leader();
        TraceListener t = new TraceListener();
        c.addListener(t);
        for (int i = 0; i < 3; i++) {
            c.submit(l, CommandKind.PUT, "k" + i, "v");
            c.tick(1);
        }
        List<AppendEntries> sent = t.sent.stream().filter(m -> m.message instanceof AppendEntries ae
                && !ae.entries().isEmpty()).map(m -> (AppendEntries) m.message).toList();
        assertEquals(6, sent.size(), "one AppendEntries per follower and instant: " + sent);
        assertTrue(sent.stream().allMatch(ae -> ae.entries().size() == 1), sent.toString());
    }

    @Test
    void withBatchingOffEachProposalGoesOutAtOnce() {
        Cluster c = elected(Settings.DEFAULT.withBatch(false));
        c.tick(100);
        int l = c.leader();
        TraceListener t = new TraceListener();
        c.addListener(t);
        for (int i = 0; i < 5; i++) {
            c.submit(l, CommandKind.PUT, "k" + i, "v");
        }
        assertEquals(10, t.sent.stream().filter(m -> m.message instanceof AppendEntries).count());
    }
}
