package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.FaultKind;
import raftlab.check.explore.RunResult;
import raftlab.check.explore.ScenarioGenerator;
import raftlab.check.explore.ScenarioRunner;
import raftlab.raft.Bug;
import raftlab.raft.CommandKind;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/** no-append-retry breaks liveness only: a follower that missed entries stays behind, and nothing unsafe happens. */
class NoAppendRetryTest {

    /** n5 misses the leader's entries for a while, then the network heals; returns n5's commit index at the end. */
    private static long laggardCommitAfterHealing(boolean bugOn) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 3));
        SafetyMonitor monitor = new SafetyMonitor(c);
        c.addListener(monitor);
        if (bugOn) {
            c.bugs().add(Bug.NO_APPEND_RETRY);
        }
        c.tick(1000);
        int leader = c.leader();
        int laggard = leader == 5 ? 4 : 5;
        c.network().setLoss(leader, laggard, 1.0);
        for (int i = 0; i < 5; i++) {
            c.submit(leader, CommandKind.PUT, "k", Integer.toString(i));
            c.tick(20);
        }
        c.network().setLoss(leader, laggard, 0);
        c.tick(2000);
        assertEquals(List.of(), monitor.breaches(), "bug on: " + bugOn);
        assertEquals(leader, c.leader(), "the leader kept its place");
        assertEquals(6, c.node(leader).commitIndex(), "the majority committed the no-op and all five puts");
        return c.node(laggard).commitIndex();
    }

    @Test
    void aFollowerThatMissedEntriesStaysBehindOnlyWithTheBug() {
        assertEquals(6, laggardCommitAfterHealing(false), "without the bug the leader resends what was lost");
        assertTrue(laggardCommitAfterHealing(true) < 6, "with the bug the lost entries are never resent");
    }

    @Test
    void onlyTheLivenessPhaseCatchesIt() {
        // Explore with the bug: no seed is unsafe or non-linearizable, and some get stuck (a follower that missed
        // entries while the faults lasted never catches up, so the state machines never become equal).
        ExploreOptions o = new ExploreOptions(5, 5_000, FaultKind.parse(FaultKind.defaultLabels()), 3, 3, 10, true,
                Bug.NO_APPEND_RETRY);
        int stuck = 0;
        for (long seed = 1; seed <= 20; seed++) {
            RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(seed, o));
            assertTrue(r.kind() == RunResult.Kind.OK || r.kind() == RunResult.Kind.STUCK, "seed " + seed + ": "
                    + r.line());
            if (r.kind() == RunResult.Kind.STUCK) {
                stuck++;
            }
        }
        assertTrue(stuck > 0, "the liveness phase should catch the bug in some of 20 seeds");
    }
}
