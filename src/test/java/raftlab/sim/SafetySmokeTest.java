package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.Bug;
import raftlab.raft.CommandKind;

/**
 * A 5-node cluster under random crashes, restarts, partitions and client writes, over many seeds: never two
 * leaders in a term, never two different entries applied at one index; and once the faults stop, it converges.
 * The chaos draws from its own seeded source, so every run is reproducible from its seed.
 */
class SafetySmokeTest {
    private static final int SEEDS = 50;
    /** Chaos steps per run, 10..150 virtual ms apart: about 16 virtual seconds of faults. */
    private static final int STEPS = 200;

    /** Runs one chaotic session; returns the watch. {@code bug} may be null. */
    static SafetyWatch chaos(long seed, Bug bug, boolean converge) {
        return chaosWith(seed, bug, converge, null);
    }

    static SafetyWatch chaosWith(long seed, Bug bug, boolean converge, SimListener extra) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, seed));
        if (extra != null) {
            c.addListener(extra);
        }
        if (bug != null) {
            c.bugs().add(bug);
        }
        SafetyWatch watch = new SafetyWatch(c);
        c.addListener(watch);
        SimRandom dice = new SimRandom(seed * 7919 + 1);
        // Every other seed also gets a lossy, duplicating or reordering network on top of crashes and partitions.
        switch ((int) (seed % 4)) {
            case 1 -> c.network().setDupe(0.2);
            case 2 -> c.network().setUnreliable(true, true);
            case 3 -> c.network().setLoss(0, 0, 0.1);
            default -> { }
        }
        int writes = 0;
        for (int step = 0; step < STEPS; step++) {
            int action = dice.nextInt(12);
            int id = 1 + dice.nextInt(5);
            if (action == 0 && c.isUp(id)) {
                c.crash(id);
            } else if (action <= 2 && !c.isUp(id)) {
                c.restart(id);
            } else if (action == 3) {
                int[] group = new int[6];
                for (int i = 1; i <= 5; i++) {
                    group[i] = dice.nextInt(2);
                }
                c.network().partition(group);
            } else if (action == 4) {
                c.network().heal();
            } else {
                int to = c.leader() != 0 && dice.nextInt(4) > 0 ? c.leader() : id;
                if (c.isUp(to)) {
                    c.submit(to, dice.nextInt(2) == 0 ? CommandKind.PUT : CommandKind.APPEND, "k" + dice.nextInt(3),
                            "" + writes++);
                }
            }
            c.tick(dice.between(10, 150));
        }
        if (converge) {
            c.network().heal();
            c.network().setDupe(0);
            c.network().setUnreliable(false, false);
            c.network().setLoss(0, 0, 0);
            for (int i = 1; i <= 5; i++) {
                if (!c.isUp(i)) {
                    c.restart(i);
                }
            }
            c.tick(2000);
            int leader = c.leader();
            if (leader == 0) {
                watch.violations.add("no leader 2s after the faults stopped");
            } else {
                c.submit(leader, CommandKind.PUT, "final", "1");
                c.tick(500);
                for (int i = 1; i <= 5; i++) {
                    if (!c.node(i).stateMachine().view().equals(c.node(leader).stateMachine().view())) {
                        watch.violations.add("n" + i + "'s store differs from the leader's after healing");
                    }
                }
            }
        }
        return watch;
    }

    @Test
    void randomFaultsNeverBreakElectionOrStateMachineSafety() {
        List<String> failures = new ArrayList<>();
        long applies = 0;
        int elections = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            SafetyWatch w = chaos(seed, null, true);
            applies += w.applies;
            elections += w.elections;
            if (!w.violations.isEmpty()) {
                failures.add("seed " + seed + ": " + w.violations);
            }
        }
        System.out.println("safety smoke: " + SEEDS + " seeds, " + elections + " elections, " + applies + " applies");
        assertEquals(List.of(), failures);
        // The runs must have exercised something: many elections and many applied entries.
        assertTrue(elections > 3 * SEEDS, "elections " + elections);
        assertTrue(applies > 100 * SEEDS, "applies " + applies);
    }

    @Test
    void theWatchCatchesASwitchedOnBug() {
        // Proof that the test above can fail: with votes counted across terms and blind appends, some seed breaks.
        int broken = 0;
        for (long seed = 1; seed <= 20 && broken == 0; seed++) {
            if (!chaos(seed, Bug.NAIVE_SEED, false).violations.isEmpty()) {
                broken++;
            }
        }
        assertTrue(broken > 0, "naive-seed should break safety on some seed");
    }
}
