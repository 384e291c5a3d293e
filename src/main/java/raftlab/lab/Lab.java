package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/**
 * One lab session: the current cluster, the command vocabulary bound to it, the events seen so far and the
 * session record that {@code record} writes. Not thread-safe: exactly one thread drives a Lab.
 */
public final class Lab {
    public static final String VERSION = "0.1.0";
    public static final int DEFAULT_SIZE = 5;
    public static final long DEFAULT_SEED = 1;

    private final CommandSet commands;
    private final List<TranscriptItem> session = new ArrayList<>();
    private Cluster cluster;
    private EventPrinter printer;
    private Output out = new Output();
    private boolean quit;
    private boolean replaying;
    private String verbosity = "off";
    private String lastError;
    private ClockControl clock;
    /** The automatic clock's advances since the last command, not yet in the session. */
    private long autoTickMs;
    private final List<String> autoTickLines = new ArrayList<>();

    /** A lab on the default cluster: 5 nodes, seed 1. */
    public Lab() {
        commands = new CommandSet(this);
        newCluster(ClusterConfig.defaults(DEFAULT_SIZE, DEFAULT_SEED));
    }

    /** Runs one line (a command, a comment or a blank line) and returns what it printed. Never throws. */
    public Output execute(String line) {
        flushAutoTicks();
        out = new Output();
        printer.target(out);
        lastError = null;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            session.add(TranscriptItem.verbatim(text.isEmpty() || Transcript.isComment(text) ? text : "# " + text.substring(1)));
            return out;
        }
        List<String> words = null;
        try {
            words = Tokenizer.split(text);
            commands.run(words);
        } catch (LabException e) {
            fail(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail("internal error: " + e);
        }
        if (words != null && ClockCommands.NAMES.contains(words.get(0))) {
            // The automatic clock is the shell's: a recorded session keeps it as a comment, and its advances as ticks.
            session.add(TranscriptItem.verbatim("# " + text));
        } else if (words == null || !words.get(0).equals("record")) {
            session.add(TranscriptItem.step(text, out.lines()));
        }
        return out;
    }

    /**
     * Advances virtual time by {@code ms} outside any command, for the shell's automatic clock, and returns what
     * happened. The session records consecutive advances as one {@code tick}, so a recorded session still replays.
     */
    public Output advance(long ms) {
        out = new Output();
        printer.target(out);
        cluster.tick(ms);
        autoTickMs += ms;
        autoTickLines.addAll(out.lines());
        return out;
    }

    private void flushAutoTicks() {
        if (autoTickMs > 0) {
            session.add(TranscriptItem.step("tick " + autoTickMs, autoTickLines));
            autoTickMs = 0;
            autoTickLines.clear();
        }
    }

    /** What the last {@link #execute} or {@link #advance} printed; before either, the new cluster's line. */
    public Output lastOutput() {
        return out;
    }

    /** Installs the automatic clock (the interactive shell does); without it the clock commands refuse. */
    public void setClockControl(ClockControl control) {
        clock = control;
    }

    ClockControl clockControl() {
        return clock;
    }

    private void fail(String message) {
        lastError = message;
        out.line("error: " + message);
    }

    /** The message of the last command's error, or null if it succeeded. */
    public String lastError() {
        return lastError;
    }

    void newCluster(ClusterConfig config) {
        cluster = new Cluster(config);
        printer = new EventPrinter();
        printer.target(out);
        applyVerbosity();
        cluster.addListener(printer);
        var s = config.settings();
        out.line("cluster of " + config.size() + " nodes, seed " + config.seed() + ", election " + s.electionMin()
                + ".." + s.electionMax() + "ms, heartbeat " + s.heartbeat() + "ms, latency " + config.latencyMin()
                + ".." + config.latencyMax() + "ms" + (s.noop() ? "" : ", no leader no-op"));
    }

    /** Logs and prints a lab-level event (crash, restart) at the current virtual time. */
    void note(int node, String kind, String text) {
        printer.note(cluster.now(), node, kind, text);
    }

    public Cluster cluster() {
        return cluster;
    }

    public CommandSet commands() {
        return commands;
    }

    Output out() {
        return out;
    }

    List<LoggedEvent> history() {
        return printer.history();
    }

    public List<TranscriptItem> session() {
        flushAutoTicks();
        return session;
    }

    /** "on", "off" or "terse"; kept across `cluster` so a new cluster prints the same way. */
    void setVerbosity(String level) {
        verbosity = level;
        applyVerbosity();
    }

    private void applyVerbosity() {
        printer.verbose(verbosity.equals("on"));
        printer.terse(verbosity.equals("terse"));
    }

    void requestQuit() {
        quit = true;
    }

    public boolean quitRequested() {
        return quit;
    }

    public boolean replaying() {
        return replaying;
    }

    /** Marks the lab as driven by a transcript or script: nothing it runs may write files. */
    public void setReplaying(boolean on) {
        replaying = on;
    }
}
