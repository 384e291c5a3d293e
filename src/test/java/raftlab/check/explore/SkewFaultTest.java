package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import raftlab.raft.Settings;
import raftlab.sim.SimRandom;

/** The skew fault kind keeps clocks within the drift bound a lease assumes, and uses most of that room. */
class SkewFaultTest {
    @Test
    void skewDrawsRatesWithinTheDriftBound() {
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int seed = 0; seed < 200; seed++) {
            String arg = FaultKind.SKEW.arg(new SimRandom(seed), 5, seed % 5, 0.5);
            assertTrue(arg.startsWith((seed % 5 + 1) + " "), arg);
            double rate = Double.parseDouble(arg.split(" ")[1]);
            lowest = Math.min(lowest, rate);
            highest = Math.max(highest, rate);
        }
        assertTrue(highest / lowest < Settings.DEFAULT_MAX_DRIFT, lowest + ".." + highest);
        assertTrue(highest > 1.3 && lowest < 0.8, lowest + ".." + highest);
    }
}
