package raftlab.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

import raftlab.raft.CommandKind;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/**
 * {@code lab bench}: how fast the simulation runs. A 5-node cluster under steady client load (one put per virtual
 * millisecond to the leader) runs for a stretch of virtual time; we count message deliveries and compare virtual
 * time with wall time. Wall-clock reads happen only here, never in anything the simulation prints.
 */
public final class Bench {
    /** What {@code --only} can pick: one group of figures each. */
    static final java.util.List<String> PARTS = java.util.List.of("committed", "deliveries", "checks", "explore",
            "linear");

    /**
     * Runs before the deliveries figure is taken. Successive runs in one JVM (2026-12-02, millions per second): 0.33,
     * 0.41, 1.00, 1.43, 1.37, ... then steady between 1.3 and 1.7; with one warm-up run the median of five took in two
     * of the warming runs.
     */
    static final int WARM_UP_RUNS = 4;

    private Bench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long virtualSeconds = 60;
        int repeats = 5;
        boolean memoryOnly = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            try {
                switch (option) {
                    case "--seconds":
                        virtualSeconds = Long.parseLong(args[++i]);
                        break;
                    case "--repeats":
                        repeats = Integer.parseInt(args[++i]);
                        break;
                    case "--memory":
                        memoryOnly = true;
                        break;
                    case "--only":
                        only = args[++i];
                        if (!PARTS.contains(only)) {
                            err.println("lab bench: unknown part '" + only + "'; parts: " + String.join(", ", PARTS));
                            return 2;
                        }
                        break;
                    default:
                        err.println("lab bench: unknown option '" + args[i] + "'; options: --seconds S, --repeats R, "
                                + "--memory, --only PART (" + String.join(", ", PARTS) + ")");
                        return 2;
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                err.println("lab bench: " + option + " takes " + (option.equals("--only")
                        ? "a part: " + String.join(", ", PARTS) : "a number"));
                return 2;
            }
        }
        if (virtualSeconds < 1 || repeats < 1) {
            err.println("lab bench: --seconds and --repeats take positive numbers");
            return 2;
        }
        if (memoryOnly) {
            // Without snapshots first: if it runs out of memory, what it held is garbage by the second run.
            ThroughputBench.memory(out, 0);
            ThroughputBench.memory(out, 10_000);
            return 0;
        }
        if (only == null || only.equals("committed")) {
            ThroughputBench.report(out, repeats);
        }
        if (only == null || only.equals("deliveries")) {
            out.println("simulation: 5 nodes, one put per virtual ms, " + virtualSeconds + " virtual s per run, median "
                    + "of " + repeats + " runs after " + WARM_UP_RUNS + " warm-up runs");
            out.println(measure("reliable network", virtualSeconds, repeats, false));
            out.println(measure("net unreliable", virtualSeconds, repeats, true));
        }
        if (only == null || only.equals("checks")) {
            raftlab.check.CheckBench.checks(out);
        }
        if (only == null || only.equals("explore")) {
            raftlab.check.CheckBench.explore(out, 500);
        }
        if (only == null || only.equals("linear")) {
            out.println(raftlab.check.linear.LinearizabilityBench.run(1) + " (generated history)");
            out.println(linearizabilityOfARecordedHistory());
            for (String line : raftlab.check.linear.text.LincheckBench.run(1, 10_000)) {
                out.println(line);
            }
        }
        return 0;
    }

    /**
     * The linearizability checker on a history the lab really recorded: 5 simulated clients on 10 keys over an
     * unreliable network (so some outcomes are unknown), until 10,000 operations have been invoked.
     */
    static String linearizabilityOfARecordedHistory() {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 7));
        raftlab.check.History history = new raftlab.check.History();
        c.addListener(history);
        c.network().setUnreliable(true, false);
        new raftlab.check.Workload(c, history, 5, 10, 100, 0);
        while (history.size() < 10_000) {
            c.tick(100);
        }
        java.util.List<raftlab.check.linear.Operation> ops = history.operations();
        long unknown = ops.stream().filter(raftlab.check.linear.Operation::isUncertain).count();
        double[] ms = new double[5];
        boolean ok = true;
        for (int i = -2; i < ms.length; i++) { // two warm-up checks
            long start = System.nanoTime();
            ok &= raftlab.check.linear.LinearizabilityChecker.check(ops).linearizable();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return String.format(Locale.ROOT, "linearizability check: %,d ops recorded from 5 lab clients on 10 keys "
                + "(%d uncertain, %,d virtual ms): %.0f ms, %s", ops.size(), unknown, c.now(), median(ms),
                ok ? "linearizable" : "NOT LINEARIZABLE");
    }

    /** One line: deliveries per wall second and the virtual-to-wall ratio, median of {@code repeats}. */
    static String measure(String label, long virtualSeconds, int repeats, boolean unreliable) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            runOnce(virtualSeconds, unreliable); // let the JIT compile the hot loop
        }
        double[] rates = new double[repeats];
        double[] ratios = new double[repeats];
        long deliveries = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            deliveries = runOnce(virtualSeconds, unreliable);
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            rates[r] = deliveries / wallSeconds;
            ratios[r] = virtualSeconds / wallSeconds;
        }
        return String.format(Locale.ROOT, "simulated deliveries/s, 5 nodes, %s: %,.0f (%,d deliveries per run, "
                + "virtual:wall %,.0f:1)", label, median(rates), deliveries, median(ratios));
    }

    /** Runs the load and returns the number of messages delivered. */
    static long runOnce(long virtualSeconds, boolean unreliable) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 42));
        c.network().setUnreliable(unreliable, false);
        long end = virtualSeconds * 1000;
        String[] keys = new String[16]; // made once: the client's string building is not the simulation's cost
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "k" + i;
        }
        long key = 0;
        while (c.now() < end) {
            int leader = c.leader();
            if (leader != 0) {
                c.submit(leader, CommandKind.PUT, keys[(int) (key++ % 16)], "v");
            }
            c.tick(1);
        }
        return c.stats().delivered();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
