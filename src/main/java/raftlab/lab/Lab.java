package raftlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import raftlab.byo.LoadFailure;
import raftlab.check.Breach;
import raftlab.check.History;
import raftlab.check.SafetyBreach;
import raftlab.check.SafetyMonitor;
import raftlab.check.StateCheck;
import raftlab.check.Workload;
import raftlab.check.linear.CheckResult;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.picture.Recorder;
import raftlab.picture.Timeline;
import raftlab.raft.NodeFactory;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.Interrupted;
import raftlab.sim.Interrupts;
import raftlab.sim.NodeFailure;

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
    /** The implementation the cluster runs: null for the lab's own core. */
    private raftlab.byo.Implementation impl;
    private EventPrinter printer;
    private Output out = new Output();
    private boolean quit;
    private boolean replaying;
    private CheckResult lastLinearizability;
    private String verbosity = "off";
    private String lastError;
    /** The last command failed: an error, a breach, an interrupt, or a verdict such as failing seeds. */
    private boolean lastFailed;
    /** The last command could not decide or could not read its input (lincheck): exit 2 from the OS shell. */
    private boolean lastUndecided;
    private static boolean debug = "1".equals(System.getenv("RAFTLAB_DEBUG"));
    /** Safety checking after every event: on by default, for every cluster the lab makes. */
    private boolean checksOn = true;
    private SafetyMonitor monitor;
    private History clientHistory;
    private Workload workload;
    /** The shell's client when requests travel the network (cluster --client-net); null otherwise. */
    private raftlab.sim.RetryingClient userClient;
    private int workloadsStarted;
    private ClockControl clock;
    /** The automatic clock's advances since the last command, not yet in the session. */
    private long autoTickMs;
    private final List<String> autoTickLines = new ArrayList<>();
    /** What happened, for pictures (timeline, export). */
    private Recorder recorder;
    /** The terminal's width in columns, or 0 when there is none (pipes, scripts, transcripts). */
    private IntSupplier terminalWidth = () -> 0;
    /** Scripts may write the files they name with export; transcripts may not (see {@link #setReplaying}). */
    private boolean exportsAllowed;

    /** A lab on the default cluster: 5 nodes, seed 1. */
    public Lab() {
        commands = new CommandSet(this);
        newCluster(ClusterConfig.defaults(DEFAULT_SIZE, DEFAULT_SEED));
    }

    /**
     * Runs one line (a command, a comment or a blank line) and returns what it printed. Never throws. A {@code #}
     * standing alone outside quotes starts a comment: {@code tick 400  # the first election} ({@link Tokenizer}).
     */
    public Output execute(String line) {
        flushAutoTicks();
        out = new Output();
        printer.target(out);
        lastError = null;
        lastFailed = false;
        lastUndecided = false;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            session.add(TranscriptItem.verbatim(text.isEmpty() || Transcript.isComment(text) ? text : "# " + text.substring(1)));
            return out;
        }
        List<String> words = null;
        try {
            words = Tokenizer.split(text);
            commands.run(words);
        } catch (LabException | LoadFailure e) {
            fail(e.getMessage()); // the user's mistake, in the lab's words
        } catch (NodeFailure e) {
            // The implementation under test broke its contract: the run cannot go on, but the lab can.
            fail(e.getMessage());
        } catch (Interrupted e) {
            // Ctrl-C: the command stopped between two events; the cluster is as the last event left it. The time is
            // this lab's (explore and replay --seed stop their own clusters, and leave this one alone).
            out.line("interrupted at [" + cluster.now() + "ms]");
            lastFailed = true;
        } catch (SafetyBreach e) {
            // Not a user error: the lab did its job. The cluster stays as it was at the breach, to be inspected.
            for (Breach b : e.breaches()) {
                out.line(b.line());
            }
            out.line("the run stopped at this event; `log` and `status` show the state, `check` lists the breach");
            lastFailed = true;
        } catch (RuntimeException e) {
            fail(errorLine(e, debug)); // a bug in the lab, not the user's mistake: say so
        }
        if (words != null && ClockCommands.NAMES.contains(words.get(0))) {
            // The automatic clock is the shell's: a recorded session keeps it as a comment, and its advances as ticks.
            session.add(TranscriptItem.verbatim("# " + text));
        } else if (words != null && (words.get(0).equals("export") || (words.get(0).equals("history")
                && words.stream().anyMatch(w -> w.equals("--save") || w.startsWith("--save="))))) {
            // A replayed transcript must not write files, so a recorded export or history --save stays as a comment:
            // it still replays.
            session.add(TranscriptItem.verbatim("# " + text));
        } else if (words == null || !words.get(0).equals("record")) {
            session.add(TranscriptItem.step(text, out.lines()));
        }
        return out;
    }

    /**
     * The one line that reports an exception that is not the user's mistake: a programming error inside a command.
     * With {@code debug} (the {@code --debug} switch or {@code RAFTLAB_DEBUG=1}) the stack trace follows.
     */
    static String errorLine(RuntimeException e, boolean debug) {
        if (e instanceof LabException) {
            return e.getMessage();
        }
        String line = "internal error (a bug in the lab): " + e;
        if (!debug) {
            return line + "; run with --debug or RAFTLAB_DEBUG=1 to see where";
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        // Tabs become spaces: every output line is escaped for the terminal, and a trace should read as one.
        return line + "\n" + trace.toString().stripTrailing().replace("\t", "    ");
    }

    /** Whether internal errors show their stack trace: {@code --debug} or {@code RAFTLAB_DEBUG=1}. */
    public static void setDebug(boolean on) {
        debug = on;
    }

    /**
     * Advances virtual time by {@code ms} outside any command, for the shell's automatic clock, and returns what
     * happened. The session records consecutive advances as one {@code tick}, so a recorded session still replays.
     */
    public Output advance(long ms) {
        out = new Output();
        printer.target(out);
        try {
            cluster.tick(ms);
        } catch (NodeFailure e) {
            out.line("error: " + e.getMessage());
            if (clock != null) {
                try {
                    clock.pause();
                } catch (LabException notAuto) {
                    // the clock was not running by itself: nothing to pause
                }
            }
        } catch (Interrupted e) {
            // A Ctrl-C meant for a command that has ended (at the prompt JLine takes Ctrl-C itself): forget it, so
            // that the automatic clock is not stopped at every step until the next command.
            Interrupts.clear();
        } catch (SafetyBreach e) {
            // Stop the automatic clock at the breach, so the user can inspect the cluster as it was.
            for (Breach b : e.breaches()) {
                out.line(b.line());
            }
            out.line("the run stopped at this event and the clock is paused; `log` and `status` show the state");
            if (clock != null) {
                try {
                    clock.pause();
                } catch (LabException notAuto) {
                    // the clock was not running by itself: nothing to pause
                }
            }
        }
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
        lastFailed = true;
        String[] lines = message.split("\n");
        out.line("error: " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.line(lines[i]); // only a --debug stack trace has more than one line
        }
    }

    /** A command's verdict is a failure (failing seeds, a breach found by replay): exit 1 from the OS shell. */
    void markFailed() {
        lastFailed = true;
    }

    /** The command could not decide (lincheck's budget) or could not read its input: exit 2 from the OS shell. */
    void markUndecided() {
        lastFailed = true;
        lastUndecided = true;
    }

    /** Whether the last command could not decide or could not read its input (exit status 2); it failed too. */
    public boolean lastUndecided() {
        return lastUndecided;
    }

    /** Whether the last command failed: an error, a safety breach, Ctrl-C, or a failing verdict. */
    public boolean lastFailed() {
        return lastFailed;
    }

    /** The message of the last command's error, or null if it succeeded. */
    public String lastError() {
        return lastError;
    }

    void newCluster(ClusterConfig config) {
        newCluster(config, null);
    }

    /** A new cluster running {@code implementation} (null: the lab's own core). */
    void newCluster(ClusterConfig config, raftlab.byo.Implementation implementation) {
        Cluster made = new Cluster(config, implementation == null ? NodeFactory.reference() : implementation.factory());
        impl = implementation;
        cluster = made;
        printer = new EventPrinter();
        printer.target(out);
        applyVerbosity();
        cluster.addListener(printer);
        printer.quietRequests(id -> workload != null && workload.owns(id));
        clientHistory = new History();
        cluster.addListener(clientHistory);
        // Before the safety monitor, which may stop the run: the recorder then holds the breaching event too.
        recorder = new Recorder(cluster);
        cluster.addListener(recorder);
        workload = null;
        userClient = null;
        workloadsStarted = 0;
        monitor = null;
        if (checksOn) {
            setChecks(true);
        }
        var s = config.settings();
        out.line("cluster of " + Text.count(config.size(), "node") + ", seed " + config.seed() + ", election " + s.electionMin()
                + ".." + s.electionMax() + "ms, heartbeat " + s.heartbeat() + "ms, latency " + config.latencyMin()
                + ".." + config.latencyMax() + "ms" + (s.noop() ? "" : ", no leader no-op")
                + (s.preVote() ? ", prevote" : "") + (s.checkQuorum() ? ", checkquorum" : "")
                + (s.batch() ? "" : ", no batching")
                + (s.reads() == raftlab.raft.ReadMode.READINDEX ? "" : ", reads " + s.reads().label())
                + (s.maxDrift() == raftlab.raft.Settings.DEFAULT_MAX_DRIFT ? "" : ", max drift "
                + CheckCommands.fmt(s.maxDrift()))
                + (config.syncMs() == 0 ? "" : ", disk sync " + config.syncMs() + "ms")
                + (impl == null ? "" : ", running " + impl.name()));
        warnAboutTiming();
    }

    /**
     * One warning line when the timing cannot work: Raft needs a follower to hear from the leader before its
     * shortest election timeout, so heartbeat + the longest latency must stay below it. Accepted all the same: a
     * student may want to watch the endless elections.
     */
    void warnAboutTiming() {
        var s = cluster.config().settings();
        long latencyMax = cluster.network().latencyMax();
        if (s.electionMin() <= s.heartbeat()) {
            out.line("warning: the shortest election timeout (" + s.electionMin() + "ms) is not above the heartbeat ("
                    + s.heartbeat() + "ms): followers time out between heartbeats and elections never stop");
        } else if (s.heartbeat() + latencyMax >= s.electionMin()) {
            out.line("warning: a heartbeat (every " + s.heartbeat() + "ms) can take up to " + latencyMax + "ms to arrive,"
                    + " longer than the shortest election timeout (" + s.electionMin() + "ms) allows: expect needless"
                    + " elections");
        }
    }

    /**
     * From now on the shell's requests travel the network as client c0 (cluster --client-net), retried with the same
     * client id and sequence number until answered.
     */
    void useClientNet() {
        userClient = new raftlab.sim.RetryingClient(cluster, 0);
        cluster.addListener(userClient);
        out.line("the shell's requests travel the network as client c0, with a sequence number, and are retried every "
                + raftlab.sim.RetryingClient.TIMEOUT + "ms until answered");
    }

    /** The shell's client over the network, or null when requests are handed to nodes directly. */
    raftlab.sim.RetryingClient userClient() {
        return userClient;
    }

    /** Logs and prints a lab-level event (crash, restart) at the current virtual time. */
    void note(int node, String kind, String text) {
        printer.note(cluster.now(), node, kind, text);
    }

    /** Switches the safety monitor on (watching from now on) or off. */
    void setChecks(boolean on) {
        checksOn = on;
        if (on && monitor == null) {
            monitor = new SafetyMonitor(cluster);
            cluster.addListener(monitor);
        } else if (!on && monitor != null) {
            cluster.removeListener(monitor);
            monitor = null;
        }
    }

    boolean checksOn() {
        return checksOn;
    }

    History clientHistory() {
        return clientHistory;
    }

    Workload workload() {
        return workload;
    }

    /** Replaces the running client workload (if any) with {@code count} new clients; 0 stops them. */
    void startClients(int count, int keys, double rate) {
        if (workload != null) {
            workload.stop();
            workload = null;
        }
        if (count > 0) {
            workload = new Workload(cluster, clientHistory, count, keys, rate, workloadsStarted++);
        }
    }

    /**
     * What {@code check} reports, one entry per breach (empty when safe): safety breaches (seen by the monitor as
     * they happened, or found in the present state) and, if the client history is not linearizable, its smallest
     * failing part. Groovy's {@code check()} returns this list.
     */
    /** The linearizability verdict of the last {@link #breaches()} call, or null. */
    CheckResult lastLinearizability() {
        return lastLinearizability;
    }

    public List<String> breaches() {
        List<String> out = new ArrayList<>();
        List<Breach> found = monitor != null && monitor.breached() ? monitor.breaches() : StateCheck.check(cluster);
        for (Breach b : found) {
            out.add(b.line());
        }
        CheckResult r = LinearizabilityChecker.check(clientHistory.operations());
        lastLinearizability = r;
        if (r.refuted()) {
            out.add("NOT LINEARIZABLE: " + r.describe());
        }
        return out;
    }

    /** What makes the cluster's nodes; explore and replay make theirs the same way. */
    public NodeFactory factory() {
        return impl == null ? NodeFactory.reference() : impl.factory();
    }

    /** The {@code cluster} options that choose the running implementation again ("" for the lab's own core). */
    public String implOption() {
        return impl == null ? "" : impl.option();
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

    /** Whether every send, delivery and drop prints as it happens. */
    boolean verbose() {
        return verbosity.equals("on");
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

    Recorder recorder() {
        return recorder;
    }

    /** Tells the lab how wide the terminal is (the shell does); pictures fit it. */
    public void setTerminalWidth(IntSupplier width) {
        terminalWidth = width;
    }

    /** The width pictures fit: the terminal's, or a fixed default when replaying or with no terminal. */
    int width() {
        int w = replaying ? 0 : terminalWidth.getAsInt();
        return w > 0 ? w : Timeline.DEFAULT_WIDTH;
    }

    /** Lets {@code export} write files while replaying: a script names its files on purpose, a transcript must not. */
    public void allowExports(boolean on) {
        exportsAllowed = on;
    }

    boolean exportsAllowed() {
        return !replaying || exportsAllowed;
    }

    public boolean replaying() {
        return replaying;
    }

    /** Marks the lab as driven by a transcript or script: nothing it runs may write files. */
    public void setReplaying(boolean on) {
        replaying = on;
    }
}
