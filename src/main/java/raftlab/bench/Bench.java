package raftlab.bench;

import java.io.PrintStream;

/** Benchmarks (placeholder: being written). */
public final class Bench {
    private Bench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("bench not yet available");
        return 1;
    }
}
