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

    /** Explore's schedules per second, {@code seeds} per measurement, after a warm-up of a fifth as many. */
    public static void explore(PrintStream out, int seeds) {
        ExploreOptions o = new ExploreOptions(5, 10_000,
                FaultKind.parse("partition,crash,loss,reorder,dup,isolate-leader,reboot-voter"), 3, 3, 10, true, null);
        Explorer.explore(1, Math.max(1, seeds / 5), o, 1, null); // warm-up
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
            long t0 = System.nanoTime();
            Explorer.Report r = Explorer.explore(1_000_001, 1_000_000 + seeds, o, threads, null);
            double s = (System.nanoTime() - t0) / 1e9;
            out.println(String.format(Locale.ROOT, "explore: %d schedules (5 nodes, 10 virtual s, all faults, 3 clients,"
                    + " checks on) on %d thread%s: %.0f schedules/s, %.0f per thread; %.0f events per schedule",
                    r.runs(), threads, threads == 1 ? "" : "s", r.runs() / s, r.runs() / s / threads,
                    (double) r.events() / r.runs()));
            if (threads == 1) {
                out.println(String.format(Locale.ROOT, "explore schedules/s, 1 thread: %.0f", r.runs() / s));
            }
        }
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
