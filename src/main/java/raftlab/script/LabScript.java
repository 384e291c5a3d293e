package raftlab.script;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import groovy.lang.Script;
import picocli.CommandLine;
import raftlab.lab.Lab;
import raftlab.lab.Output;
import raftlab.lab.Tokenizer;
import raftlab.sim.Interrupts;

/**
 * The base class of every experiment script: it makes each lab command a method of the same name. A call the
 * script class does not define lands in {@link #methodMissing}, which spells it as a shell line
 * ({@link CommandWords}), runs it through {@link Lab#execute} and prints it as a transcript does: {@code > line}
 * and then the command's output. A bare word such as {@code status} is a property read in Groovy, so
 * {@link #propertyMissing} runs it the same way. A failed command stops the script.
 *
 * <p>The queries ({@code leader()}, {@code node(i)}, ...) are real methods: they return values and print nothing.
 * {@code now()}, {@code msgs()}, {@code events()} and {@code stats()} with empty parentheses are queries; written
 * bare or with arguments, {@code now}, {@code msgs}, {@code events} and {@code stats} are the commands that print.
 */
public abstract class LabScript extends Script {
    private Lab lab;
    private PrintStream out;
    private ScriptQueries queries;
    /** Inside {@link #quietly}: commands run as usual but print nothing. */
    private boolean quiet;

    /** Binds the script to the lab it drives and the stream its transcript goes to; called before it runs. */
    void attach(Lab lab, PrintStream out) {
        this.lab = lab;
        this.out = out;
        this.queries = new ScriptQueries(lab::cluster);
    }

    /** Any call that is not a method of the script: a lab command, or an unknown command. */
    public Object methodMissing(String name, Object args) {
        Object[] array = args instanceof Object[] ? (Object[]) args : new Object[] {args};
        return command(name, array);
    }

    /** A bare word: a command with no arguments, as in the shell. Anything else is an unknown variable. */
    public Object propertyMissing(String name) {
        if (lab.commands().has(name) || lab.commands().has(CommandWords.kebab(name))) {
            return command(name, new Object[0]);
        }
        throw new ScriptFailure("no variable or command '" + name + "'" + suggestion(name));
    }

    /**
     * Runs one line exactly as typed in the shell, {@code # comment} included: {@code cmd 'tick 400  # the first
     * election'}. For pasting shell lines into a script; it fails and prints like any other command.
     */
    public Object cmd(String line) {
        return run(line);
    }

    private Object command(String called, Object[] args) {
        // A command whose name has a hyphen is called in camel case: powerLoss 2 is power-loss 2.
        String name = lab.commands().has(called) ? called : CommandWords.kebab(called);
        CommandLine cmd = lab.commands().command(name);
        if (cmd == null) {
            // The shell's own message, with its "did you mean" hint; an unknown name changes nothing.
            lab.execute(Tokenizer.quote(called));
            throw new ScriptFailure(lab.lastError() != null ? lab.lastError() : "unknown command '" + called + "'");
        }
        return run(CommandWords.line(name, cmd, args));
    }

    private Object run(String line) {
        if (!quiet) {
            out.println("> " + clip(line));
        }
        Output result = lab.execute(line);
        queries.follow();
        for (String l : quiet ? List.<String>of() : result.lines()) {
            out.println(l);
        }
        List<String> lines = result.lines();
        if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("interrupted at [") && Interrupts.requested()) {
            throw new ScriptRunner.Stopped(lines.get(lines.size() - 1));
        }
        if (lab.lastError() != null) {
            throw new ScriptFailure(lab.lastError());
        }
        if (lab.quitRequested()) {
            throw new ScriptRunner.Quit();
        }
        return null;
    }

    /** A command line as echoed: a very long one (a plot of 1,000 numbers) is cut, saying how much was left out. */
    static String clip(String line) {
        int keep = 150;
        return line.length() <= keep + 50 ? line : line.substring(0, keep) + "... (" + (line.length() - keep)
                + " more characters)";
    }

    /** ", did you mean 'status'?" when the shell would suggest a command for this name, else "". */
    private String suggestion(String name) {
        lab.execute(Tokenizer.quote(name));
        String e = lab.lastError();
        int at = e == null ? -1 : e.indexOf(", did you mean");
        int end = e == null ? -1 : e.indexOf(';', at);
        return at < 0 || end < 0 ? "" : e.substring(at, end);
    }

    /**
     * Runs {@code body} with the commands inside it printing nothing, for a measurement over many runs
     * ({@code quietly { 1000.times { ... } }}). A failing command still stops the script, with its error.
     */
    public Object quietly(groovy.lang.Closure<?> body) {
        boolean was = quiet;
        quiet = true;
        try {
            return body.call();
        } finally {
            quiet = was;
        }
    }

    // ------------------------------------------------------------------------------------------ queries

    /**
     * Runs {@code check} as the shell does, and returns the breaches it found, one string each (empty when safe):
     * {@code assert check().isEmpty()}. With an argument ({@code check 'off'}) it is the plain command.
     */
    public List<String> check() {
        command("check", new Object[0]);
        return lab.breaches();
    }

    /** Id of the live leader with the highest term, or null when no live node leads. */
    public Integer leader() {
        return queries.leader();
    }

    /** Ids of every live node in the leader role, ascending. */
    public List<Integer> leaders() {
        return queries.leaders();
    }

    /** Node {@code id}'s state as a map: id, up, role, term, votedFor, leaderId, commitIndex, lastApplied, ... */
    public Map<String, Object> node(Object id) {
        return queries.node(id);
    }

    /** Node {@code id}'s key-value state machine; empty when the node is down. */
    public Map<String, String> kv(Object id) {
        return queries.kv(id);
    }

    /** The virtual time in ms. */
    public long now() {
        return queries.now();
    }

    /** Node events and client answers since the cluster was made, as maps; see {@link ScriptQueries#events}. */
    public List<Map<String, Object>> events() {
        return queries.events();
    }

    /** The message counters {@code stats} prints, as nested maps. */
    public Map<String, Object> stats() {
        return queries.stats();
    }

    /** The messages in flight, as objects with id, from, to, type, term, due and their Figure 2 fields. */
    public List<ScriptMessage> msgs() {
        return queries.msgs();
    }
}
