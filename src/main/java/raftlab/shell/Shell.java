package raftlab.shell;

import java.io.PrintStream;

/** The interactive shell (placeholder: being written). */
public final class Shell {
    private Shell() {
    }

    public static int start(PrintStream out, PrintStream err) {
        err.println("shell not yet available");
        return 1;
    }
}
