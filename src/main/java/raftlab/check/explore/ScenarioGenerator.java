package raftlab.check.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import raftlab.sim.SimRandom;

/**
 * Turns a seed into a randomized fault schedule. Each network fault kind runs in its own lane, and every node has a
 * crash lane of its own: a pause, a fault, a pause, and so on until the run ends. Every choice comes from one
 * source seeded from the seed, and the kinds are visited in a fixed order, so a seed always gives the same schedule.
 */
public final class ScenarioGenerator {
    private ScenarioGenerator() {
    }

    public static Scenario generate(long seed, ExploreOptions o) {
        SimRandom r = new SimRandom(seed * 0xD1B54A32D192ED03L + 0x5CEDL);
        List<Fault> faults = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            if (!o.faults().contains(kind) || kind.aimed()) {
                continue;
            }
            // Every node crashes on its own timeline; the network faults have one timeline each.
            boolean perNode = kind == FaultKind.CRASH || kind == FaultKind.POWER_LOSS || kind == FaultKind.COMPACT;
            int lanes = perNode ? o.nodes() : 1;
            for (int lane = 0; lane < lanes; lane++) {
                long t = gap(kind, r);
                while (t < o.time()) {
                    long length = length(kind, r);
                    String arg = perNode ? Integer.toString(lane + 1) : arg(kind, o.nodes(), r);
                    faults.add(new Fault(t, length, kind, arg));
                    t += length + gap(kind, r);
                }
            }
        }
        aimed(seed, o, faults);
        faults.sort(Comparator.comparingLong(Fault::at));
        // Power losses matter only while writes are in flight: those runs get a disk sync time, from a source of its
        // own so that the schedule is the same with or without it.
        long sync = o.faults().contains(FaultKind.POWER_LOSS)
                ? SimRandom.stream(seed, SimRandom.SCHEDULE, 1, 0).between(1, 20) : 0;
        return new Scenario(seed, o.nodes(), o.time(), o.clients(), o.keys(), o.rate(), o.noop(), o.bug(), faults,
                sync, o.snapshotEvery());
    }

    /**
     * Aimed faults: one lane per kind, from a source of their own (so the other lanes are the same with or without
     * them). Their times are only the earliest each may fire; the runner arms them one after another.
     */
    private static void aimed(long seed, ExploreOptions o, List<Fault> faults) {
        SimRandom r = new SimRandom(seed * 0x9E3779B97F4A7C15L + 0xA1ED);
        for (FaultKind kind : FaultKind.values()) {
            if (!o.faults().contains(kind) || !kind.aimed()) {
                continue;
            }
            for (long t = r.between(0, 1000); t < o.time(); t += r.between(100, 1500)) {
                // A leader stays cut off long enough for the others to elect and lose a leader of their own.
                long length = kind == FaultKind.ISOLATE_LEADER ? r.between(300, 3000) : 0;
                faults.add(new Fault(t, length, kind, ""));
            }
        }
    }

    private static long gap(FaultKind kind, SimRandom r) {
        if (kind == FaultKind.COMPACT) {
            return r.between(20, 800); // often: a compaction must land while entries and snapshots are in flight
        }
        return kind == FaultKind.CRASH || kind == FaultKind.POWER_LOSS ? r.between(50, 2000) : r.between(50, 1200);
    }

    private static long length(FaultKind kind, SimRandom r) {
        switch (kind) {
            case PARTITION: return r.between(100, 2000);
            case COMPACT: return 0;
            // Half the crashes are blips (0 ms: a reboot): a node back within a round of messages is what some bugs need.
            case CRASH, POWER_LOSS: return r.nextInt(2) == 0 ? r.between(0, 50) : r.between(100, 1500);
            default: return r.between(100, 1000);
        }
    }

    private static String arg(FaultKind kind, int nodes, SimRandom r) {
        switch (kind) {
            case PARTITION: return groups(nodes, r);
            case REORDER: return "1.." + r.between(10, 100);
            default: return "0." + r.between(1, 5); // loss or duplication: 0.1 .. 0.5
        }
    }

    /** Two groups, a random non-empty proper subset and the rest, each listed in ascending order. */
    private static String groups(int nodes, SimRandom r) {
        boolean[] inA = new boolean[nodes + 1];
        int k = 1 + r.nextInt(Math.max(1, nodes - 1));
        for (int chosen = 0; chosen < k; ) {
            int id = 1 + r.nextInt(nodes);
            if (!inA[id]) {
                inA[id] = true;
                chosen++;
            }
        }
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int id = 1; id <= nodes; id++) {
            StringBuilder g = inA[id] ? a : b;
            if (g.length() > 0) {
                g.append(',');
            }
            g.append(id);
        }
        return a + " " + b;
    }
}
