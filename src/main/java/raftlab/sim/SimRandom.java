package raftlab.sim;

/**
 * A seeded source of randomness: SplitMix64, written out here so that the same seed yields the same numbers on
 * every JDK (nothing depends on a library's choice of algorithm).
 *
 * <p>The simulation does not share one source: {@link #stream} derives an independent stream per purpose from the
 * cluster seed (one per node for its election timeouts, one per directed link for latency, loss and duplication),
 * so that a change in what one component draws does not shift what every other component draws.
 */
public final class SimRandom {
    /** Purposes of derived streams; each is mixed into the seed with its own arguments. */
    public static final long NODE_TIMERS = 1;
    public static final long LINK = 2;
    /** A client's link to or from a node: (from, to) as endpoint ids, a client's being negative. */
    public static final long CLIENT_LINK = 3;

    private long state;

    public SimRandom(long seed) {
        this.state = seed;
    }

    /**
     * The stream for one purpose: {@code stream(seed, NODE_TIMERS, id, 0)} for node {@code id}'s timers,
     * {@code stream(seed, LINK, from, to)} for the directed link from {@code from} to {@code to}. The seed of the
     * stream is the SplitMix64 finalizer applied to the cluster seed and the purpose and its arguments, each
     * finalized in turn, so neighbouring ids and seeds give unrelated streams.
     */
    public static SimRandom stream(long seed, long purpose, long a, long b) {
        long h = mix(seed);
        h = mix(h ^ purpose);
        h = mix(h ^ a);
        h = mix(h ^ b);
        return new SimRandom(h);
    }

    /** SplitMix64's output function: a bijection on longs that spreads every input bit over the whole output. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), bound > 0. */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [min, max], inclusive. */
    public long between(long min, long max) {
        return min + Math.floorMod(nextLong(), max - min + 1);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
