package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.CommandKind;

/** Same seed and same commands give the same trace, event for event, faults included; another seed differs. */
class DeterminismTest {

    enum Faults { NONE, LOSS, DUPE, UNRELIABLE }

    /** A session a user might type: elect, write, crash the leader, write more, restart, let it catch up. */
    static List<String> run(long seed, Faults faults) {
        return session(seed, faults).lines;
    }

    static TraceListener session(long seed, Faults faults) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, seed));
        TraceListener trace = new TraceListener();
        c.addListener(trace);
        switch (faults) {
            case LOSS -> c.network().setLoss(0, 0, 0.2);
            case DUPE -> c.network().setDupe(0.3);
            case UNRELIABLE -> c.network().setUnreliable(true, true);
            default -> { }
        }
        c.tick(400);
        for (int i = 0; i < 20; i++) {
            int leader = c.leader();
            if (leader != 0) {
                c.submit(leader, CommandKind.APPEND, "k" + (i % 3), "v" + i);
            }
            c.tick(37);
        }
        int leader = c.leader();
        if (leader != 0) {
            c.crash(leader);
        }
        c.tick(700);
        for (int i = 0; i < 10; i++) {
            int l = c.leader();
            if (l != 0) {
                c.submit(l, CommandKind.PUT, "x", "" + i);
            }
            c.tick(23);
        }
        if (leader != 0) {
            c.restart(leader);
        }
        c.tick(1500);
        trace.lines.add("stats sent=" + c.stats().sent() + " delivered=" + c.stats().delivered() + " dropped="
                + c.stats().dropped() + " duplicated=" + c.stats().duplicated());
        return trace;
    }

    @Test
    void sameSeedSameTraceOnAReliableNetwork() {
        List<String> a = run(42, Faults.NONE);
        assertTrue(a.size() > 500, "a real run, not an empty one: " + a.size());
        assertTrue(a.stream().anyMatch(l -> l.contains("becomes leader")));
        assertEquals(a, run(42, Faults.NONE));
    }

    @Test
    void sameSeedSameTraceUnderEveryFault() {
        for (Faults f : Faults.values()) {
            List<String> a = run(7, f);
            assertEquals(a, run(7, f), f.name());
        }
    }

    @Test
    void faultsReallyHappenInThoseRuns() {
        assertTrue(run(7, Faults.LOSS).stream().anyMatch(l -> l.contains("drop") && l.contains("lost (loss")));
        assertTrue(run(7, Faults.UNRELIABLE).stream().anyMatch(l -> l.contains("lost (unreliable")));
        TraceListener dupe = session(7, Faults.DUPE);
        long copies = dupe.sent.stream().filter(m -> dupe.sent.stream().anyMatch(o -> o != m && o.message == m.message))
                .count();
        assertTrue(copies > 0, "some message went out twice");
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        for (Faults f : Faults.values()) {
            assertNotEquals(run(1, f), run(2, f), f.name());
        }
    }
}
