package raftlab.check;

import raftlab.sim.SimRandom;

/**
 * Random streams for the checking side, each derived from a run's seed and a purpose name ("schedule swarm",
 * "fault crash", "client 2"...), independent of each other and of the simulation's own streams. A change in how
 * one purpose draws (a new fault kind, one more client) leaves every other purpose's numbers as they were.
 *
 * <p>Derivation: the purpose name is hashed with 64-bit FNV-1a; the stream's SplitMix64 state is
 * {@code mix(mix(seed ^ SALT) + hash)}, where {@code mix} is SplitMix64's output function. Written out here, so the
 * same seed gives the same streams on every JDK.
 */
public final class Streams {
    private static final long SALT = 0x636865636B5F5EL; // "check^" : keeps these apart from the sim's derivations

    private Streams() {
    }

    /** The stream for {@code purpose} in the run seeded {@code seed}. */
    public static SimRandom of(long seed, String purpose) {
        return new SimRandom(mix(mix(seed ^ SALT) + fnv(purpose)));
    }

    static long fnv(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
