package raftlab.shell;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedStringBuilder;

import raftlab.lab.Lab;
import raftlab.lab.Text;
import raftlab.sim.Interrupts;

/**
 * The interactive shell: a JLine prompt in front of a lab that lives on its own thread ({@link LabThread}). Each
 * line goes to the lab; its output comes back as plain strings and is coloured here, at the terminal, if at all.
 */
public final class Shell {
    public static final String BANNER = "Raft Lab " + Lab.VERSION + " - type help, or quit";
    public static final String PROMPT = "lab> ";
    static final String HISTORY_FILE = ".raftlab_history";

    /**
     * How a shell runs. {@code interactive}: a person at a terminal (else piped input, CI or a test: no history is
     * written and each line read is echoed after the prompt, so the output reads like a session). {@code history}:
     * the history file, or null for none. {@code nanoTime}: real time, for the automatic clock only.
     */
    record Settings(boolean interactive, boolean colour, Path history, LongSupplier nanoTime) {
    }

    private Shell() {
    }

    /**
     * Opens the shell and returns the exit code. With a terminal on both stdin and stdout, a JLine system terminal
     * (line editing, completion, history, colour); otherwise (piped input, output into a pipe or file, CI) a dumb
     * terminal over stdin and {@code out}: no escape codes, no history file, each line echoed after the prompt.
     */
    public static int start(PrintStream out, PrintStream err) {
        // JLine probes a terminal's grapheme support at start-up; on a pty that never answers that costs ~0.7 s.
        System.setProperty("org.jline.terminal.graphemeCluster", "false");
        boolean console = consoleIsTerminal() && out == System.out;
        Terminal terminal;
        try {
            terminal = console
                    // dumb(true): an unusable terminal (TERM=dumb, no provider) falls back without a warning.
                    ? TerminalBuilder.builder().system(true).dumb(true).graphemeCluster(false).build()
                    : new DumbTerminal("lab", Terminal.TYPE_DUMB, System.in, out, Charset.defaultCharset());
        } catch (IOException | RuntimeException e) {
            err.println("lab: cannot open the terminal: " + e.getMessage());
            return 1;
        }
        boolean interactive = console && !terminal.getType().startsWith(Terminal.TYPE_DUMB);
        Path history = interactive ? Path.of(System.getProperty("user.home"), HISTORY_FILE) : null;
        try (terminal) {
            return run(terminal, new Settings(interactive, Colours.wanted(interactive, System.getenv("NO_COLOR")),
                    history, System::nanoTime));
        } catch (IOException e) {
            err.println("lab: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Whether stdin and stdout are both a terminal. On Java 17 a console exists only then; from Java 22 it always
     * exists and says so through isTerminal(), called by reflection because the lab compiles for 17.
     */
    private static boolean consoleIsTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Runs the shell on {@code terminal} until quit or end of input; tests call this with byte-stream terminals. */
    static int run(Terminal terminal, Settings settings) {
        Colours colours = new Colours(settings.colour());
        LineReader[] reader = new LineReader[1];
        LabThread lab = new LabThread(settings.nanoTime(), lines -> print(reader[0], colours, lines, true),
                settings.interactive());
        // Ctrl-C while a command runs stops it between two events (the lab polls the flag); while a line is being
        // typed, JLine handles it itself and the line is dropped.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> Interrupts.request());
        boolean[] failed = new boolean[1];
        reader[0] = reader(terminal, settings, lab);
        if (settings.interactive()) {
            lab.setWidth(terminal::getWidth); // timeline fits the terminal; piped output keeps the fixed width
        }
        print(reader[0], colours, List.of(BANNER), false);
        print(reader[0], colours, lab.opening(), false);
        try {
            while (true) {
                String line;
                try {
                    // Without a person at a terminal the prompt goes out with the echoed line, below.
                    line = reader[0].readLine(settings.interactive() ? PROMPT : "");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: the line being typed is gone; the session goes on.
                } catch (EndOfFileException e) {
                    // Piped input whose last line has no newline still runs that line.
                    String partial = e.getPartialLine();
                    if (partial != null && !partial.isBlank()) {
                        runLine(partial, reader[0], colours, lab, settings, failed);
                    } else if (settings.interactive()) {
                        terminal.writer().println();
                    }
                    return exitCode(settings, failed[0]);
                }
                if (runLine(line, reader[0], colours, lab, settings, failed)) {
                    return exitCode(settings, failed[0]);
                }
            }
        } finally {
            lab.stop();
            terminal.handle(Terminal.Signal.INT, previous);
            terminal.flush();
        }
    }

    /**
     * A person at a terminal saw every error as it happened: 0. Piped input (CI, a here-document) runs every line
     * even after an error, and then exits 1 if any line failed (an error, a safety breach, Ctrl-C, failing seeds), so
     * that a script can tell.
     */
    private static int exitCode(Settings settings, boolean anyFailed) {
        return !settings.interactive() && anyFailed ? 1 : 0;
    }

    /** Runs one line on the lab and prints its output; true if it was {@code quit}. Notes a failure in failed[0]. */
    private static boolean runLine(String line, LineReader reader, Colours colours, LabThread lab, Settings settings,
                                   boolean[] failed) {
        if (!settings.interactive()) {
            print(reader, colours, List.of(Text.printable((PROMPT + line).stripTrailing())), false);
        }
        Interrupts.clear(); // a Ctrl-C from before this line is not meant for it
        LabThread.Result r = lab.execute(line, res -> print(reader, colours, res.lines(), false));
        failed[0] |= r.failed();
        return r.quit();
    }

    private static LineReader reader(Terminal terminal, Settings settings, LabThread lab) {
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("raftlab")
                .completer(new LabCompleter(lab::tree, lab::facts))
                // `put x hi!` must reach the lab as typed, not as a history expansion.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
        if (settings.history() != null) {
            b.variable(LineReader.HISTORY_FILE, settings.history());
        } else {
            b.variable(LineReader.DISABLE_HISTORY, true);
        }
        return b.build();
    }

    /**
     * Prints lines, coloured if wanted. {@code above}: from the lab's thread while the prompt may be showing;
     * printAbove puts them above the prompt and redraws the half-typed line below.
     */
    private static void print(LineReader reader, Colours colours, List<String> lines, boolean above) {
        if (reader == null || lines.isEmpty()) {
            return;
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(colours.paint(lines.get(i)));
            if (i + 1 < lines.size()) {
                sb.append('\n');
            }
        }
        if (above) {
            reader.printAbove(sb.toAttributedString());
        } else {
            Terminal t = reader.getTerminal();
            t.writer().println(sb.toAttributedString().toAnsi(t));
            t.flush();
        }
    }
}
