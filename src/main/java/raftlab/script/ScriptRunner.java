package raftlab.script;

import java.io.PrintStream;
import java.nio.file.Path;

/** Runs Groovy experiment scripts (placeholder: being written). */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    public static int runFile(Path file, String[] args, PrintStream out, PrintStream err) {
        err.println("scripts not yet available");
        return 1;
    }
}
