package raftlab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import raftlab.lab.Lab;
import raftlab.lab.LabException;
import raftlab.lab.Transcript;
import raftlab.lab.UnifiedDiff;

/**
 * The {@code lab} program. Dispatches by hand rather than through picocli, so that opening the shell does not pay
 * for reflection over a command tree it never uses, and Groovy is loaded only when a script runs.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: lab                      open the interactive shell on a 5-node cluster",
            "       lab run FILE.groovy [ARGS...]   run an experiment script",
            "       lab replay FILE.txt      replay a transcript; print a diff and exit 1 if the output differs",
            "       lab bench [--seconds S]  measure simulation, checking and exploration speed",
            "       lab grade MyRaft.java    grade your own RaftNode (docs/your-own-raft.md)",
            "       lab COMMAND [ARGS...]    run one lab command in a fresh lab, e.g. lab explore --seeds 1..100",
            "       lab --help | --version");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the lab and returns the exit code; tests call this instead of main. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // With Groovy on the class path picocli would load it for every command; we never use closures in options.
        System.setProperty("picocli.disable.closures", "true");
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
            case "run":
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
                if (rest.length != 1) {
                    err.println("lab replay: name one transcript, as in `lab replay transcripts/first-election.txt`");
                    return 2;
                }
                return replay(Path.of(rest[0]), out, err);
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
     * cluster) from the operating system's shell. Exit 1 if the command fails.
     */
    private static int oneCommand(String[] args, PrintStream out, PrintStream err) {
        Lab lab = new Lab();
        if (!lab.commands().has(args[0])) {
            err.println("lab: unknown argument '" + args[0] + "'");
            err.println(USAGE);
            return 2;
        }
        StringBuilder line = new StringBuilder();
        for (String a : args) {
            line.append(line.length() == 0 ? "" : " ").append(raftlab.lab.Tokenizer.quote(a));
        }
        out.print(lab.execute(line.toString()).text());
        return lab.lastError() == null ? 0 : 1;
    }

    private static int replay(Path file, PrintStream out, PrintStream err) {
        String expected;
        try {
            expected = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("lab replay: no such file " + file);
            return 2;
        } catch (IOException e) {
            err.println("lab replay: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        String actual;
        try {
            actual = Transcript.replay(expected);
        } catch (LabException e) {
            err.println("lab replay: " + file + ": " + e.getMessage());
            return 2;
        }
        if (actual.equals(expected)) {
            out.println("replay " + file + ": identical");
            return 0;
        }
        out.print(UnifiedDiff.diff(expected, actual, file + " (expected)", file + " (actual)"));
        return 1;
    }
}
