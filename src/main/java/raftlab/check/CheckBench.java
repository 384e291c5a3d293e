package raftlab.check;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.Explorer;
import raftlab.check.explore.FaultKind;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.SimListener;

/**
 * What checking costs, and how fast exploration runs. A benchmark, not a test: it reads the wall clock and asserts
 * nothing. Run by {@code lab bench}, or on its own: {@code java -cp target/classes raftlab.check.CheckBench}.
 */
public final class CheckBench {
    private CheckBench() {
    }

    public static void main(String[] args) {
        report(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 500);
    }

    /** Prints the checks-on/off comparison and explore's schedules per second ({@code seeds} per measurement). */
    public static void report(PrintStream out, int seeds) {
        checks(out);
        explore(out, seeds);
    }

    /** The checks-on/off comparison. */
    public static void checks(PrintStream out) {
        // Alternate the two so that JIT warm-up and machine noise fall on both alike.
        for (int i = 0; i < 3; i++) {
            run(false);
            run(true);
        }
        double[] offs = new double[7];
        double[] ons = new double[7];
        for (int i = 0; i < offs.length; i++) {
            offs[i] = run(false);
            ons[i] = run(true);
        }
        Arrays.sort(offs);
        Arrays.sort(ons);
        double off = offs[offs.length / 2];
        double on = ons[ons.length / 2];
        out.println(String.format(Locale.ROOT, "safety checks: 5 nodes, 10 clients, 20 virtual s: %.2f M events/s"
                + " with checks off, %.2f M with checks on: checks cost %.2fx", off / 1e6, on / 1e6, off / on));
    }

    /** Schedules run to warm the JIT before explore's steady figures are taken; see {@link #explore}. */
    static final int EXPLORE_WARM_UP = 3_000;

    /**
     * Explore's schedules per second. Measured in chunks of {@code seeds} schedules in one JVM, the rate keeps rising
     * for thousands of schedules: explore reaches far more code than a plain cluster (every fault kind, the monitor,
     * the clients, the checker), and C2 compiles it method by method as each path gets hot, with the simulation
     * competing for this machine's second core. On 2026-12-02 successive chunks of 500 went 101, 215, 278, 293, 281,
     * 370, 438, 357, 385, 311, 482, 435 schedules/s. So two figures: the first {@code seeds} schedules of the run
     * (what a short {@code explore} gets, JIT warming), and the steady rate after {@link #EXPLORE_WARM_UP} schedules,
     * the median of three chunks (what a long {@code explore} gets, and what the target of issue 9 is about).
     */
    public static void explore(PrintStream out, int seeds) {
        ExploreOptions o = new ExploreOptions(5, 10_000,
                FaultKind.parse("partition,crash,loss,reorder,dup,isolate-leader,reboot-voter"), 3, 3, 10, true, null);
        long seed = 1_000_001;
        double first = 0;
        for (int done = 0; done < EXPLORE_WARM_UP; done += seeds) {
            double rate = schedulesPerSecond(seed, seeds, o, 1)[0];
            seed += seeds;
            if (done == 0) {
                first = rate;
            }
        }
        out.println(String.format(Locale.ROOT, "explore schedules/s, 1 thread, first %d schedules (JIT warming): %.0f",
                seeds, first));
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
            double[] rates = new double[3];
            double events = 0;
            for (int i = 0; i < rates.length; i++) {
                double[] r = schedulesPerSecond(seed, seeds * threads, o, threads);
                seed += (long) seeds * threads;
                rates[i] = r[0];
                events = r[1];
            }
            Arrays.sort(rates);
            double median = rates[1];
            out.println(String.format(Locale.ROOT, "explore: %d schedules (5 nodes, 10 virtual s, all faults, 3 clients,"
                    + " checks on) on %d thread%s, after %,d warm-up schedules: %.0f schedules/s, %.0f per thread "
                    + "(median of 3 chunks; slowest %.0f, fastest %.0f); %.0f events per schedule", seeds * threads,
                    threads, threads == 1 ? "" : "s", EXPLORE_WARM_UP, median, median / threads, rates[0], rates[2],
                    events));
            if (threads == 1) {
                out.println(String.format(Locale.ROOT, "explore schedules/s, 1 thread: %.0f", median));
            }
        }
    }

    /** Runs {@code count} seeds from {@code first}; returns schedules per wall second and events per schedule. */
    private static double[] schedulesPerSecond(long first, int count, ExploreOptions o, int threads) {
        long t0 = System.nanoTime();
        Explorer.Report r = Explorer.explore(first, first + count - 1, o, threads, null);
        double s = (System.nanoTime() - t0) / 1e9;
        return new double[] {r.runs() / s, (double) r.events() / r.runs()};
    }

    /** Events per wall second of a loaded cluster, with or without the monitor. */
    private static double run(boolean checks) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 7));
        long[] events = new long[1];
        c.addListener(new SimListener() {
            @Override
            public void afterEvent(Cluster cluster) {
                events[0]++;
            }
        });
        History h = new History();
        c.addListener(h);
        if (checks) {
            c.addListener(new SafetyMonitor(c));
        }
        new Workload(c, h, 10, 10, 100, 0);
        long t0 = System.nanoTime();
        c.tick(20_000);
        return events[0] / ((System.nanoTime() - t0) / 1e9);
    }
}
