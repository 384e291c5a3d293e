package raftlab.check.linear;

import java.util.Arrays;
import java.util.List;

/**
 * Times the checker on a large generated history. A benchmark, not a test: timings on a shared
 * machine are noisy, so it reports the median of several runs after warm-up and asserts
 * nothing about time.
 */
public final class LinearizabilityBench {
    private static final int CLIENTS = 5;
    private static final int KEYS = 10;
    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    private LinearizabilityBench() {
    }

    /** Checks a 10,000-operation history; returns a one-line summary with the median time. */
    public static String run(long seed) {
        return run(seed, 10_000);
    }

    /** Same with a chosen size, so tests can run it cheaply. */
    public static String run(long seed, int ops) {
        List<Operation> history = HistoryGenerator.generate(seed, ops, CLIENTS, KEYS);
        for (int i = 0; i < WARMUP; i++) {
            checkOnce(history);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            checkOnce(history);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        long medianMs = Math.round(nanos[RUNS / 2] / 1e6);
        return "linearizability check: " + ops + " ops, " + CLIENTS + " clients, " + KEYS
                + " keys: " + medianMs + " ms";
    }

    private static void checkOnce(List<Operation> history) {
        CheckResult r = LinearizabilityChecker.check(history);
        if (!r.linearizable()) {
            // The generator only builds linearizable histories: this is a checker bug.
            throw new IllegalStateException("generated history rejected:\n" + r.describe());
        }
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1L;
        System.out.println(run(seed));
    }
}
