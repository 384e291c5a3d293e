package raftlab.grade;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import raftlab.byo.Implementation;
import raftlab.byo.LoadFailure;

/**
 * {@code lab grade MyRaft.java}: runs the graded scenarios and an exploration round on a learner's implementation and
 * prints PASS or FAIL for each, with the reason and the command that replays a failure. Exit 0 if all pass, 1 if any
 * fails, 2 on bad arguments or an implementation that does not load.
 */
public final class Grade {
    static final String USAGE = "usage: lab grade FILE.java | --classpath PATH CLASS | --reference  [--only NAME] [--verbose]";
    /**
     * The exploration round: seeds 1..FUZZ_SEEDS with explore's default options (5 nodes, 10 virtual s of faults,
     * clients); each run must stay safe and linearizable, and settle once the faults end (explore's liveness phase).
     */
    static final int FUZZ_SEEDS = 200;

    private Grade() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String impl = null;
        String classPath = null;
        String only = null;
        boolean verbose = false;
        boolean reference = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--only") || a.equals("--classpath")) && i + 1 == args.length) {
                err.println("lab grade: " + a + " needs a value; " + USAGE);
                return 2;
            }
            switch (a) {
                case "--only" -> only = args[++i];
                case "--classpath" -> classPath = args[++i];
                case "--verbose", "-v" -> verbose = true;
                case "--reference" -> reference = true;
                default -> {
                    if (a.startsWith("-") || impl != null) {
                        err.println("lab grade: unexpected argument '" + a + "'; " + USAGE);
                        return 2;
                    }
                    impl = a;
                }
            }
        }
        if ((impl == null) == !reference) {
            err.println("lab grade: name your implementation (or --reference for the lab's own core); " + USAGE);
            return 2;
        }
        if (only != null && !names().contains(only)) {
            err.println("lab grade: no test '" + only + "'; the tests are " + String.join(", ", names()));
            return 2;
        }
        if (reference) {
            out.println("grading the lab's own core: " + names().size() + " tests");
            return grade("", only, verbose, "./lab grade --reference", out) ? 0 : 1;
        }
        Implementation loaded;
        try {
            loaded = Implementation.load(impl, classPath);
        } catch (LoadFailure e) {
            err.println("lab grade: " + e.getMessage());
            return 2;
        }
        String option = loaded.option();
        out.println("grading " + loaded.name() + ": " + names().size() + " tests");
        String again = "./lab grade " + (classPath == null ? "" : "--classpath " + classPath + " ") + impl;
        return grade(option, only, verbose, again, out) ? 0 : 1;
    }

    static List<String> names() {
        List<String> n = new ArrayList<>();
        for (GradeTest t : Suite.tests()) {
            n.add(t.name());
        }
        n.add("fuzz");
        return n;
    }

    /**
     * Runs the tests (or only one) on the implementation the {@code cluster} options {@code implOption} choose ("" for
     * the lab's own core); prints a line per test; returns whether all passed.
     */
    static boolean grade(String implOption, String only, boolean verbose, String again, PrintStream out) {
        int passed = 0;
        int ran = 0;
        List<GradeTest> tests = new ArrayList<>(Suite.tests());
        tests.add(new GradeTest("fuzz", "explore --seeds 1.." + FUZZ_SEEDS + ": random faults; safe, linearizable,"
                + " and it settles after", t -> fuzz(t, implOption)));
        for (GradeTest test : tests) {
            if (only != null && !only.equals(test.name())) {
                continue;
            }
            ran++;
            Trial trial = new Trial(implOption);
            String reason = null;
            try {
                test.body().accept(trial);
            } catch (Failed f) {
                reason = f.getMessage();
            }
            if (verbose) {
                for (String line : trial.transcript()) {
                    out.println("  " + line);
                }
            }
            if (reason == null) {
                passed++;
                out.println(String.format("PASS %-22s %s", test.name(), test.what()));
            } else {
                out.println(String.format("FAIL %-22s %s", test.name(), reason));
                out.println(String.format("     %-22s replay: %s --only %s --verbose", "", again, test.name()));
            }
        }
        out.println(passed + " of " + ran + " passed");
        return passed == ran;
    }

    /**
     * A first short round, so that a node that fails everywhere (each stuck run waits out the liveness bound) is told
     * so in a second or two, then the rest of the seeds.
     */
    static final int FIRST_ROUND = 20;

    private static void fuzz(Trial t, String implOption) {
        t.cluster(5, Suite.SEED, "");
        explore(t, implOption, "1.." + FIRST_ROUND);
        explore(t, implOption, (FIRST_ROUND + 1) + ".." + FUZZ_SEEDS);
    }

    private static void explore(Trial t, String implOption, String seeds) {
        String text = t.report("explore --seeds " + seeds);
        String summary = null;
        String first = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("explored seeds")) {
                summary = line;
            } else if (first == null && line.startsWith("seed ")) {
                first = line;
            }
        }
        if (summary == null || !summary.contains(" 0 failed")) {
            throw new Failed((first != null ? first : summary) + "; to see it: `cluster 5" + implOption
                    + "` then `replay --seed " + (first == null ? "S" : first.split("[ :]")[1]) + "` in ./lab");
        }
    }
}
