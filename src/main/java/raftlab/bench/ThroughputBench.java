package raftlab.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

import raftlab.raft.CommandKind;
import raftlab.raft.Settings;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/**
 * Committed client operations per wall second, and memory over a long run. Clients put through the leader and keep
 * at most {@link #OUTSTANDING} requests unanswered; a request counts once the leader has applied it and answered OK.
 * No checker is attached: this is the simulation and the Raft core alone. Wall-clock reads happen only here.
 */
final class ThroughputBench {
    static final int OUTSTANDING = 64;
    private static final int KEYS = 1000;
    /** The keys, made once: building a key string per put measured the client, not the cluster. */
    private static final String[] KEY = new String[KEYS];

    static {
        for (int i = 0; i < KEYS; i++) {
            KEY[i] = "k" + i;
        }
    }

    private ThroughputBench() {
    }

    /** What one run did: wall seconds, committed puts, message deliveries. */
    record Run(double seconds, long committed, long deliveries) {
        double opsPerSecond() {
            return committed / seconds;
        }

        double deliveriesPerPut() {
            return (double) deliveries / committed;
        }
    }

    /** Elects a leader, then puts {@code puts} values with at most 64 outstanding, until all are answered. */
    static Run run(int nodes, long puts, Settings settings) {
        return drive(elected(nodes, settings), puts);
    }

    static Cluster elected(int nodes, Settings settings) {
        Cluster c = new Cluster(new ClusterConfig(nodes, 42, settings, 1, 5));
        while (c.leader() == 0) {
            c.tick(10);
        }
        return c;
    }

    /** Puts {@code puts} values through {@code c}'s leader with at most 64 outstanding, until all are answered. */
    static Run drive(Cluster c, long puts) {
        return drive(c, puts, false);
    }

    /**
     * As above; with {@code freshKeys} each put carries a key string of its own, as a request read off a network
     * would (the memory figure counts them), else the keys are shared, made once (the speed figures).
     */
    static Run drive(Cluster c, long puts, boolean freshKeys) {
        long[] ok = new long[1]; // what counts: requests the leader applied and answered OK
        raftlab.sim.SimListener counter = new raftlab.sim.SimListener() {
            @Override
            public void clientReply(long time, raftlab.sim.ClientOp op, raftlab.raft.ClientReply reply) {
                if (reply.status() == raftlab.raft.ClientReply.Status.OK) {
                    ok[0]++;
                }
            }
        };
        c.addListener(counter);
        long deliveredBefore = c.stats().delivered();
        long submitted = 0;
        long t0 = System.nanoTime();
        while (true) {
            int open = c.outstanding().size();
            if (submitted - open >= puts) {
                break;
            }
            int leader = c.leader();
            while (leader != 0 && submitted < puts && open < OUTSTANDING) {
                int k = (int) (submitted % KEYS);
                c.submit(leader, CommandKind.PUT, freshKeys ? "k" + k : KEY[k], "v");
                submitted++;
                open++;
            }
            if (!c.step()) {
                c.tick(1);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        c.removeListener(counter);
        return new Run(seconds, ok[0], c.stats().delivered() - deliveredBefore);
    }

    /**
     * {@code committed ops/s, N nodes: ...}, median of {@code repeats} runs after two warm-up runs, batching on and
     * off. The warm-up runs are the same work as the measured ones, so the JIT has compiled the hot loop (C2) before
     * the clock starts; the election before each run is not timed.
     *
     * <p>Every configuration is first run twice, all four in turn, before any is measured. Without that the first one
     * measured (3 nodes with batching) ran while the JIT was still compiling and recompiling the core (JFR and
     * -XX:+PrintCompilation showed C2 code of the state machine and the apply loop made not entrant and compiled again
     * during its runs): it came out slower than 5 nodes, which does more work per put, and the order decided which of
     * the two looked slower (5 nodes measured first was the slower one).
     */
    static void report(PrintStream out, int repeats) {
        for (int round = 0; round < 2; round++) {
            for (boolean batch : new boolean[] {true, false}) {
                for (int nodes : new int[] {3, 5}) {
                    run(nodes, 50_000, Settings.DEFAULT.withBatch(batch));
                }
            }
        }
        for (boolean batch : new boolean[] {true, false}) {
            for (int nodes : new int[] {3, 5}) {
                Settings s = Settings.DEFAULT.withBatch(batch);
                run(nodes, 50_000, s); // warm-up
                run(nodes, 50_000, s);
                Run[] runs = new Run[repeats];
                double[] rates = new double[repeats];
                for (int i = 0; i < repeats; i++) {
                    runs[i] = run(nodes, 50_000, s);
                    rates[i] = runs[i].opsPerSecond();
                }
                Arrays.sort(rates);
                out.println(String.format(Locale.ROOT, "committed ops/s, %d nodes%s: %,.0f (50,000 puts, at most %d "
                        + "outstanding; %.2f deliveries per put; median of %d runs, slowest %,.0f, fastest %,.0f)",
                        nodes, batch ? "" : ", no batching", rates[repeats / 2], OUTSTANDING,
                        runs[0].deliveriesPerPut(), repeats, rates[0], rates[repeats - 1]));
            }
        }
    }

    /**
     * 1,000,000 committed puts on 3 nodes (batching on), with snapshots every {@code every} applied entries or none
     * (0); prints the heap in use after the run (after a full GC), or where the heap ran out. Meant to be run with
     * a small heap: {@code LAB_JAVA_OPTS=-Xmx256m ./lab bench --memory}.
     */
    static void memory(PrintStream out, long every) {
        Settings s = Settings.DEFAULT.withBatch(true).withSnapshots(every, 64 * 1024);
        String label = every == 0 ? "without snapshots" : "with --snapshot-every " + every;
        long max = Runtime.getRuntime().maxMemory();
        try {
            Cluster c = elected(3, s);
            Run r = drive(c, 1_000_000, true);
            long used = usedAfterGc(); // with the cluster still alive: its logs, disks and state machines
            long entries = c.disk(c.leader()).log().lastIndex() - c.disk(c.leader()).log().snapshotIndex();
            java.lang.ref.Reference.reachabilityFence(c);
            out.println(String.format(Locale.ROOT, "heap after 1,000,000 puts, 3 nodes, %s: %,.1f MiB of %,.0f MiB "
                    + "(the leader holds %,d log entries; %.1f s, %,.0f committed ops/s)", label, used / 1048576.0,
                    max / 1048576.0, entries, r.seconds(), r.opsPerSecond()));
        } catch (OutOfMemoryError e) {
            out.println(String.format(Locale.ROOT, "heap after 1,000,000 puts, 3 nodes, %s: out of memory (%,.0f MiB)",
                    label, max / 1048576.0));
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
