package raftlab.check.linear.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import raftlab.check.linear.CheckResult;
import raftlab.check.linear.HistoryGenerator;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.check.linear.Operation;

/**
 * Times what {@code lincheck FILE} does once the file is read (parse the text, then check it) on a generated,
 * linearizable 10,000-operation history in each format. A benchmark, not a test: the median of several runs after
 * warm-up, asserting nothing about time.
 */
public final class LincheckBench {
    private static final int WARMUP = 2;
    private static final int RUNS = 5;

    private LincheckBench() {
    }

    /** One line per format, e.g. {@code lincheck 10,000 ops, EDN: 12 ms (5 clients, 10 keys)}. */
    public static List<String> run(long seed, int ops) {
        List<Operation> kv = HistoryGenerator.generate(seed, HistoryGenerator.Config.of(ops, 5, 10));
        List<Operation> register = HistoryGenerator.generate(seed,
                HistoryGenerator.Config.of(ops, 5, 1).asRegister());
        return List.of(
                line(ops, "the lab's history", "5 clients, 10 keys", String.join("\n", HistoryWriter.lab(kv))),
                line(ops, "EDN", "5 clients, 10 keys", String.join("\n", HistoryWriter.edn(kv))),
                line(ops, "EDN register", "5 clients, read/write/cas", String.join("\n", HistoryWriter.edn(register))),
                line(ops, "Jepsen log", "5 clients, one register, read/write/cas",
                        String.join("\n", HistoryWriter.jepsenLog(register))));
    }

    private static String line(int ops, String label, String what, String text) {
        for (int i = 0; i < WARMUP; i++) {
            once(text);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            once(text);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "lincheck %,d ops, %s: %d ms (%s; parse and check)", ops, label,
                Math.round(nanos[RUNS / 2] / 1e6), what);
    }

    private static void once(String text) {
        CheckResult r;
        try {
            r = LinearizabilityChecker.check(HistoryText.read(text).operations());
        } catch (HistorySyntaxError e) {
            throw new IllegalStateException("the writer wrote a line the reader refuses: " + e.getMessage());
        }
        if (!r.linearizable()) {
            throw new IllegalStateException("generated history rejected:\n" + r.describe());
        }
    }
}
