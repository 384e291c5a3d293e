import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.tools.ToolProvider;

/**
 * Compares two builds of the lab in one JVM, so that both see the same machine at the same moments: each jar gets a
 * class loader of its own, and their benchmark runs alternate (A B, then B A, ...). Used where the machine's noise
 * (other tenants) is larger than the difference being measured. Not part of the lab; run it as a source file:
 *
 * <pre>
 *   java -XX:+UseSerialGC tools/AbBench.java A.jar B.jar committed NODES BATCH RUNS   (e.g. committed 5 true 30)
 *   java -XX:+UseSerialGC tools/AbBench.java A.jar B.jar deliveries RUNS              (20 virtual s per run)
 *   java -XX:+UseSerialGC tools/AbBench.java A.jar B.jar explore RUNS                 (250 schedules per run)
 *   java -XX:+UseSerialGC tools/AbBench.java A.jar B.jar puts NODES RUNS              (50,000 puts per run)
 * </pre>
 *
 * {@code puts} is the committed-ops measure for builds older than the committed benchmark (which came with batching):
 * {@link #PUTS_DRIVER}, compiled here against B's public API, puts through the leader of a cluster made with each
 * jar's own default settings, at most 64 outstanding, and counts the requests answered.
 *
 * Prints, per jar, the median, quartiles and best of the runs, and the median of the rounds' ratios (B over A).
 * Reads the wall clock: a benchmark, not a test.
 */
public final class AbBench {
    public static void main(String[] args) throws Exception {
        String[] jars = {args[0], args[1]};
        boolean committed = args[2].equals("committed");
        boolean explore = args[2].equals("explore");
        boolean puts = args[2].equals("puts");
        int runs = Integer.parseInt(args[committed ? 5 : puts ? 4 : 3]);
        Path driverClasses = puts ? compileDriver(jars[1]) : null;
        Method[] run = new Method[2];
        Object[] settings = new Object[2];
        for (int j = 0; j < 2; j++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {new File(jars[j]).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
            if (puts) {
                URLClassLoader withDriver = new URLClassLoader(new URL[] {driverClasses.toUri().toURL()}, cl);
                run[j] = withDriver.loadClass("PutsDriver").getMethod("run", int.class, long.class);
            } else if (committed) {
                Class<?> st = cl.loadClass("raftlab.raft.Settings");
                Object def = st.getField("DEFAULT").get(null);
                settings[j] = st.getMethod("withBatch", boolean.class).invoke(def, Boolean.parseBoolean(args[4]));
                run[j] = cl.loadClass("raftlab.bench.ThroughputBench").getDeclaredMethod("run", int.class, long.class,
                        st);
            } else if (explore) {
                // The bench's explore configuration: 5 nodes, 10 virtual s, all faults, 3 clients, checks on.
                Class<?> fk = cl.loadClass("raftlab.check.explore.FaultKind");
                Object faults = fk.getMethod("parse", String.class)
                        .invoke(null, "partition,crash,loss,reorder,dup,isolate-leader,reboot-voter");
                Class<?> eo = cl.loadClass("raftlab.check.explore.ExploreOptions");
                Class<?> bug = cl.loadClass("raftlab.raft.Bug");
                settings[j] = eo.getConstructor(int.class, long.class, java.util.Set.class, int.class, int.class,
                        double.class, boolean.class, bug).newInstance(5, 10_000L, faults, 3, 3, 10.0, true, null);
                run[j] = cl.loadClass("raftlab.check.explore.Explorer").getMethod("explore", long.class, long.class,
                        eo, int.class, java.util.function.LongConsumer.class);
            } else {
                run[j] = cl.loadClass("raftlab.bench.Bench").getDeclaredMethod("runOnce", long.class, boolean.class);
            }
            run[j].setAccessible(true);
        }
        int nodes = committed || puts ? Integer.parseInt(args[3]) : 5;
        double[][] rates = new double[2][runs];
        int warmUp = explore ? 12 : 4; // explore reaches far more code: its rate rises for thousands of schedules
        for (int i = -warmUp; i < runs; i++) { // warm-up rounds for the JIT
            for (int k = 0; k < 2; k++) {
                int j = (i & 1) == 0 ? k : 1 - k;
                double rate;
                if (committed) {
                    Object r = run[j].invoke(null, nodes, 50_000L, settings[j]);
                    Method ops = r.getClass().getDeclaredMethod("opsPerSecond");
                    ops.setAccessible(true);
                    rate = (double) ops.invoke(r);
                } else if (puts) {
                    rate = (double) run[j].invoke(null, nodes, 50_000L);
                } else if (explore) {
                    long first = 1_000_001 + 250L * (i + warmUp); // both jars run the same seeds
                    long t0 = System.nanoTime();
                    run[j].invoke(null, first, first + 249, settings[j], 1, null);
                    rate = 250 / ((System.nanoTime() - t0) / 1e9);
                } else {
                    long t0 = System.nanoTime();
                    long delivered = (long) run[j].invoke(null, 20L, false);
                    rate = delivered / ((System.nanoTime() - t0) / 1e9);
                }
                if (i >= 0) {
                    rates[j][i] = rate;
                }
            }
        }
        String what = committed ? "committed ops/s, " + nodes + " nodes, batch " + args[4]
                : puts ? "answered puts/s, " + nodes + " nodes, default settings"
                : explore ? "explore schedules/s, 1 thread" : "deliveries/s, 5 nodes";
        // Rounds run the two jars back to back, so a round's ratio cancels what the machine did meanwhile: the
        // median ratio is steadier than the two medians when the machine's speed drifts (it does here, by 2x).
        double[] ratio = new double[runs];
        for (int i = 0; i < runs; i++) {
            ratio[i] = rates[1][i] / rates[0][i];
        }
        Arrays.sort(ratio);
        System.out.printf("%s / %s, per round: median %.3f, quartiles %.3f to %.3f%n", jars[1], jars[0],
                ratio[runs / 2], ratio[runs / 4], ratio[3 * runs / 4]);
        for (int j = 0; j < 2; j++) {
            double[] s = rates[j].clone();
            Arrays.sort(s);
            System.out.printf("%s %s: median %,.0f, quartiles %,.0f to %,.0f, best %,.0f (%d runs)%n", jars[j], what,
                    s[runs / 2], s[runs / 4], s[3 * runs / 4], s[runs - 1], runs);
        }
    }

    /** Drives a cluster through the public API only (as old as the lab's first cluster); returns answered puts/s. */
    static final String PUTS_DRIVER = """
            import raftlab.raft.CommandKind;
            import raftlab.raft.Settings;
            import raftlab.sim.Cluster;
            import raftlab.sim.ClusterConfig;

            public final class PutsDriver {
                public static double run(int nodes, long puts) {
                    Cluster c = new Cluster(new ClusterConfig(nodes, 42, Settings.DEFAULT, 1, 5));
                    while (c.leader() == 0) {
                        c.tick(10);
                    }
                    String[] keys = new String[1000];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = "k" + i;
                    }
                    long submitted = 0;
                    long t0 = System.nanoTime();
                    while (true) {
                        int open = c.outstanding().size();
                        if (submitted - open >= puts) {
                            break;
                        }
                        int leader = c.leader();
                        while (leader != 0 && submitted < puts && open < 64) {
                            c.submit(leader, CommandKind.PUT, keys[(int) (submitted % keys.length)], "v");
                            submitted++;
                            open++;
                        }
                        if (!c.step()) {
                            c.tick(1);
                        }
                    }
                    return puts / ((System.nanoTime() - t0) / 1e9);
                }
            }
            """;

    private static Path compileDriver(String jar) throws Exception {
        Path dir = Files.createTempDirectory("abbench");
        Path source = dir.resolve("PutsDriver.java");
        Files.writeString(source, PUTS_DRIVER);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp", jar, "-d", dir.toString(),
                source.toString());
        if (rc != 0) {
            throw new IllegalStateException("the driver did not compile against " + jar);
        }
        return dir;
    }
}
