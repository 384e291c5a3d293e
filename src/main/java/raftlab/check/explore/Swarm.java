package raftlab.check.explore;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import raftlab.check.Streams;
import raftlab.sim.SimRandom;

/**
 * Swarm testing (as in TigerBeetle's simulator): besides its schedule, each seed draws its own mix of faults, so that
 * some runs see only crashes, some loss and partitions together, some every kind at once, some faults in a flurry,
 * some rarely, on a cluster with its own timing. Rare combinations then come up without aiming at them.
 *
 * @param on          the fault kinds this seed uses (a subset of the ones asked for)
 * @param frequency   per kind on: how much more often than usual it strikes (gaps are divided by it), 1/4..4
 * @param intensity   per kind on: how hard it hits, 0..1 (higher loss and duplication, wider reordering)
 * @param timing      the cluster's election timeout, heartbeat and normal latency
 */
public record Swarm(Set<FaultKind> on, Map<FaultKind, Double> frequency, Map<FaultKind, Double> intensity,
                    Timing timing) {
    /** Without swarm testing: every kind asked for, at its usual rate and strength, on the lab's default timing. */
    public static Swarm off(Set<FaultKind> kinds) {
        Map<FaultKind, Double> frequency = new EnumMap<>(FaultKind.class);
        Map<FaultKind, Double> intensity = new EnumMap<>(FaultKind.class);
        for (FaultKind k : kinds) {
            frequency.put(k, 1.0);
            intensity.put(k, 0.5);
        }
        return new Swarm(Set.copyOf(kinds), frequency, intensity, Timing.DEFAULT);
    }

    /**
     * This seed's draw among {@code kinds}: each kind is on with probability 1/2 (at least one is on if any was asked
     * for), from a stream per kind, so the draw for one kind does not depend on which others exist.
     */
    public static Swarm draw(long seed, Set<FaultKind> kinds) {
        Map<FaultKind, Double> frequency = new EnumMap<>(FaultKind.class);
        Map<FaultKind, Double> intensity = new EnumMap<>(FaultKind.class);
        FaultKind fallback = null;
        for (FaultKind k : FaultKind.values()) {
            if (!kinds.contains(k)) {
                continue;
            }
            SimRandom r = Streams.of(seed, "swarm " + k.label);
            boolean use = r.nextInt(2) == 0;
            double f = Math.pow(2, r.nextDouble() * 4 - 2);
            double i = r.nextDouble();
            if (use) {
                frequency.put(k, f);
                intensity.put(k, i);
            } else if (fallback == null && !k.aimed()) {
                fallback = k;
            }
        }
        if (frequency.isEmpty() && fallback != null) {
            frequency.put(fallback, 1.0);
            intensity.put(fallback, 0.5);
        }
        SimRandom t = Streams.of(seed, "swarm timing");
        long electionMin = t.between(50, 400);
        // A narrow timeout range makes split votes (two candidates in one term) common; a wide one makes them rare.
        long spread = t.between(10, 300);
        long heartbeat = t.between(10, electionMin / 3);
        // Normal latency stays well under the spread and the heartbeat, so that elections still settle.
        long latencyMax = t.between(1, Math.max(1, Math.min(spread / 2, heartbeat / 2)));
        long electionMax = electionMin + spread;
        return new Swarm(Set.copyOf(frequency.keySet()), frequency, intensity,
                new Timing(electionMin, electionMax, heartbeat, 1, latencyMax, 0));
    }
}
