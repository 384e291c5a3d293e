package raftlab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import raftlab.lab.Lab;
import raftlab.lab.LabException;
import raftlab.lab.Output;
import raftlab.lab.Text;
import raftlab.lab.TextFiles;
import raftlab.lab.Transcript;
import raftlab.lab.UnifiedDiff;
import raftlab.sim.Interrupts;

/**
 * The {@code lab} program. Dispatches by hand rather than through picocli, so that opening the shell does not pay
 * for reflection over a command tree it never uses, and Groovy is loaded only when a script runs.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: lab                      open the interactive shell on a 5-node cluster",
            "       lab run FILE.groovy [ARGS...]   run an experiment script",
            "       lab replay FILE.txt [--update]  replay a transcript; print a diff and exit 1 if the output differs",
            "       lab bench [--only PART]  measure speed (PART: committed, deliveries, checks, explore, linear; or --memory)",
            "       lab grade MyRaft.java    grade your own RaftNode (docs/your-own-raft.md)",
            "       lab COMMAND [ARGS...]    run one lab command in a fresh lab, e.g. lab explore --seeds 1..100",
            "       lab help COMMAND         the lab's help for one command; `lab cmd help` lists them all",
            "       lab cmd COMMAND [ARGS...]  the same, for any command, whatever its name (lab cmd run until leader)",
            "       lab --help | --version   (--debug before anything: internal errors show their stack trace)",
            "exit status: 0 ok; 1 a command failed, a replay differed, a safety breach, failing seeds or a history that is",
            "             not linearizable; 2 bad usage, an unreadable file, or lincheck could not decide;",
            "             130 stopped with Ctrl-C. `lab run until ...` is the lab's run command; `lab run FILE` a script.");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the lab and returns the exit code; tests call this instead of main. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // With Groovy on the class path picocli would load it for every command; we never use closures in options.
        System.setProperty("picocli.disable.closures", "true");
        if (args.length > 0 && args[0].equals("--debug")) {
            Lab.setDebug(true);
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length == 0) {
            return raftlab.shell.Shell.start(out, err);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "help":
                if (rest.length > 0) {
                    return oneCommand(args, out, err); // `lab help put`: the lab's help for one command
                }
                // fall through
            case "--help":
            case "-h":
                out.println("Raft Lab " + Lab.VERSION + ": explore the Raft consensus algorithm on a simulated cluster.");
                out.println(USAGE);
                return 0;
            case "--version":
            case "-V":
                out.println("raft-lab " + Lab.VERSION);
                return 0;
            case "cmd":
                if (rest.length == 0) {
                    err.println("lab cmd: name a lab command, as in `lab cmd run until leader`");
                    return 2;
                }
                return oneCommand(rest, out, err);
            case "run":
                if (rest.length > 0 && rest[0].equals("until")) {
                    return oneCommand(args, out, err); // the lab's `run until leader`, not a script called "until"
                }
                if (rest.length == 0) {
                    err.println("lab run: name a script, as in `lab run scripts/first-election.groovy`");
                    return 2;
                }
                return raftlab.script.ScriptRunner.runFile(Path.of(rest[0]),
                        Arrays.copyOfRange(rest, 1, rest.length), out, err);
            case "replay":
                if (rest.length > 0 && rest[0].startsWith("--")) {
                    return oneCommand(args, out, err); // `replay --seed S`: the explore replay, not a transcript
                }
                boolean update = rest.length == 2 && rest[1].equals("--update");
                if (rest.length != 1 && !update) {
                    err.println("lab replay: name one transcript, as in `lab replay transcripts/first-election.txt`"
                            + " (add --update to write the actual output into it)");
                    return 2;
                }
                return replay(Path.of(rest[0]), update, out, err);
            case "grade":
                return raftlab.grade.Grade.run(rest, out, err);
            case "bench":
                return raftlab.bench.Bench.run(rest, out, err);
            default:
                return oneCommand(args, out, err);
        }
    }

    /**
     * {@code lab explore --seeds 1..100 --bug naive-seed}: any lab command, run once in a fresh lab (on the default
     * cluster) from the operating system's shell. Exit 1 if the command fails (an error, a breach, failing seeds),
     * 130 if Ctrl-C stopped it. Lines that depend on wall time (explore's speed) go to stderr, so stdout is the same
     * on every run.
     */
    private static int oneCommand(String[] args, PrintStream out, PrintStream err) {
        Lab lab = new Lab();
        if (!lab.commands().has(args[0])) {
            err.println("lab: unknown argument '" + Text.printable(args[0]) + "'" + lab.commands().suggestion(args[0]));
            err.println(USAGE);
            return 2;
        }
        StringBuilder line = new StringBuilder();
        for (String a : args) {
            line.append(line.length() == 0 ? "" : " ").append(raftlab.lab.Tokenizer.quote(a));
        }
        Object handler = ctrlC();
        try {
            Output o = lab.execute(line.toString());
            out.print(o.text());
            for (String l : o.unrecorded()) {
                err.println(l);
            }
            if (!o.lines().isEmpty() && o.lines().get(o.lines().size() - 1).startsWith("interrupted at [")) {
                return 130;
            }
            return lab.lastUndecided() ? 2 : lab.lastFailed() ? 1 : 0; // 2: lincheck could not decide or read
        } finally {
            restoreCtrlC(handler);
        }
    }

    /** Ctrl-C stops the running command between two events (see Interrupts) instead of killing the JVM at once. */
    private static Object ctrlC() {
        Interrupts.clear();
        try {
            return org.jline.utils.Signals.register("INT", Interrupts::request);
        } catch (RuntimeException | LinkageError e) {
            return null; // no signal support: Ctrl-C ends the JVM as usual
        }
    }

    private static void restoreCtrlC(Object previous) {
        if (previous != null) {
            org.jline.utils.Signals.unregister("INT", previous);
        }
    }

    private static int replay(Path file, boolean update, PrintStream out, PrintStream err) {
        String original;
        try {
            original = TextFiles.readUtf8(file);
        } catch (TextFiles.ReadError e) {
            err.println("lab replay: " + Text.printable(e.getMessage()));
            return 2;
        }
        // Either line ending is accepted; the lab itself writes LF.
        boolean crlf = original.contains("\r\n");
        String expected = crlf ? original.replace("\r\n", "\n") : original;
        String actual;
        Object handler = ctrlC();
        try {
            actual = Transcript.replay(expected);
        } catch (LabException e) {
            err.println("lab replay: " + file + ": " + Text.printable(e.getMessage()));
            return 2;
        } finally {
            restoreCtrlC(handler);
        }
        if (Interrupts.requested()) {
            err.println("lab replay: " + file + ": interrupted");
            return 130;
        }
        String endings = crlf ? " (the file has CRLF line endings, read as LF; the lab writes LF)" : "";
        if (actual.equals(expected)) {
            out.println("replay " + file + ": identical" + endings);
            return 0;
        }
        String diff = UnifiedDiff.diff(expected, actual, file + " (expected)", file + " (actual)");
        if (update) {
            try {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("lab replay: cannot write " + file + ": " + TextFiles.reason(e, file));
                return 2;
            }
            out.print(diff);
            out.println("updated " + file + " with the actual output (the diff above); read it before you commit it");
            return 0;
        }
        out.print(Text.printable(diff));
        if (!endings.isEmpty()) {
            out.println("note: " + file.getFileName() + endings.replace(" (", ": ").replace(")", ""));
        }
        return 1;
    }
}
