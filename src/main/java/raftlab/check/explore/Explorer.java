package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import raftlab.raft.NodeFactory;

/**
 * Runs one generated scenario per seed on a fixed pool of threads. Each run is a pure function of its seed and the
 * options, and results are collected in seed order, so what is reported does not depend on the number of threads.
 */
public final class Explorer {
    private Explorer() {
    }

    /** The outcome of exploring a seed range. */
    public record Report(long firstSeed, long lastSeed, List<RunResult> failures, long runs, long events,
                         long virtualMs, long overBudget) {
        /** One line per failing seed, in seed order, then the summary: the deterministic part of the report. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (RunResult r : failures) {
                out.add(r.line());
            }
            out.add("explored seeds " + firstSeed + ".." + lastSeed + ": " + runs + (runs == 1 ? " schedule, " : " schedules, ") + failures.size()
                    + " failed" + (failures.isEmpty() ? "" : " (first: seed " + failures.get(0).scenario().seed() + "): "
                    + kinds())
                    + (overBudget == 0 ? "" : "; " + overBudget + " stopped at the event budget (message storms)"));
            return out;
        }

        /** {@code 3 unsafe, 1 stuck}: the failures by kind, worst kind first. */
        private String kinds() {
            List<String> parts = new ArrayList<>();
            for (RunResult.Kind k : RunResult.Kind.values()) {
                long n = failures.stream().filter(r -> r.kind() == k).count();
                if (n > 0) {
                    parts.add(n + " " + k.label);
                }
            }
            return String.join(", ", parts);
        }

        /** How many failures are of kind {@code k}. */
        public long count(RunResult.Kind k) {
            return failures.stream().filter(r -> r.kind() == k).count();
        }
    }

    /**
     * Explores seeds {@code first..last}. {@code progress} is told how many seeds are done, from the calling thread,
     * at most every few hundred seeds (it may ignore it); it never affects the report.
     */
    public static Report explore(long first, long last, ExploreOptions options, int threads, LongConsumer progress) {
        return explore(first, last, options, threads, progress, ScenarioRunner.MAX_EVENTS, NodeFactory.reference());
    }

    /** As above, on nodes made by {@code factory} (which is shared by the threads: it must keep no state). */
    public static Report explore(long first, long last, ExploreOptions options, int threads, LongConsumer progress,
                                 NodeFactory factory) {
        return explore(first, last, options, threads, progress, ScenarioRunner.MAX_EVENTS, factory);
    }

    /** As above, with each run stopped after {@code maxEvents} events. */
    static Report explore(long first, long last, ExploreOptions options, int threads, LongConsumer progress,
                          long maxEvents) {
        return explore(first, last, options, threads, progress, maxEvents, NodeFactory.reference());
    }

    private static Report explore(long first, long last, ExploreOptions options, int threads, LongConsumer progress,
                                  long maxEvents, NodeFactory factory) {
        if (last < first) {
            throw new IllegalArgumentException("empty seed range " + first + ".." + last);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "explore");
            t.setDaemon(true);
            return t;
        });
        try {
            List<RunResult> failures = new ArrayList<>();
            long runs = 0;
            long events = 0;
            long virtual = 0;
            long storms = 0;
            // Submit in chunks so a huge range does not hold every future at once.
            final int chunk = 512;
            for (long start = first; start <= last; start += chunk) {
                long end = Math.min(last, start + chunk - 1);
                List<Future<RunResult>> futures = new ArrayList<>();
                for (long seed = start; seed <= end; seed++) {
                    final long s = seed;
                    futures.add(pool.submit(() -> ScenarioRunner.run(ScenarioGenerator.generate(s, options), factory,
                            c -> { }, maxEvents)));
                }
                for (Future<RunResult> f : futures) {
                    RunResult r = get(f);
                    runs++;
                    events += r.events();
                    virtual += r.breach() != null ? r.breach().time() : r.scenario().time();
                    if (r.overBudget()) {
                        storms++;
                    }
                    if (r.failed()) {
                        failures.add(r);
                    }
                }
                if (progress != null) {
                    progress.accept(runs);
                }
                if (end == last) {
                    break; // also guards start + chunk against overflow at Long.MAX_VALUE
                }
            }
            return new Report(first, last, failures, runs, events, virtual, storms);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RunResult get(Future<RunResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exploration interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        }
    }
}
