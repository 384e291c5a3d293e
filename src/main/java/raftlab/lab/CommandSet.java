package raftlab.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The lab's command vocabulary: the one list of command classes, wired into a picocli command tree for one lab.
 * The shell, Groovy scripts and transcripts all run commands through {@link #run}.
 */
public final class CommandSet {
    /** Every command, in the order {@code help} lists them. */
    static final List<Class<? extends LabCommand>> ALL = List.of(
            ClusterCommands.MakeCluster.class,
            TimeCommands.Tick.class,
            TimeCommands.Timeout.class,
            TimeCommands.Now.class,
            ClockCommands.Clock.class,
            ClockCommands.Pause.class,
            ClockCommands.Resume.class,
            ViewCommands.Status.class,
            ViewCommands.Log.class,
            ViewCommands.Events.class,
            ClientCommands.Put.class,
            ClientCommands.Get.class,
            ClientCommands.Append.class,
            ClientCommands.Delete.class,
            ClusterCommands.Crash.class,
            ClusterCommands.PowerLoss.class,
            ClusterCommands.Restart.class,
            ClusterCommands.Snapshot.class,
            MessageCommands.Msgs.class,
            MessageCommands.Hold.class,
            MessageCommands.Deliver.class,
            MessageCommands.Drop.class,
            MessageCommands.Dup.class,
            MessageCommands.Delay.class,
            MessageCommands.Stabilize.class,
            RunCommand.class,
            MessageCommands.StatsCommand.class,
            MessageCommands.Verbose.class,
            NetworkCommands.Partition.class,
            NetworkCommands.Heal.class,
            NetworkCommands.Isolate.class,
            NetworkCommands.Cut.class,
            NetworkCommands.Uncut.class,
            NetworkCommands.Loss.class,
            NetworkCommands.Latency.class,
            NetworkCommands.Dupe.class,
            NetworkCommands.Net.class,
            CheckCommands.Check.class,
            CheckCommands.BugSwitch.class,
            CheckCommands.Bugs.class,
            CheckCommands.Clients.class,
            CheckCommands.HistoryCommand.class,
            ExploreCommands.Explore.class,
            ExploreCommands.Replay.class,
            SessionCommands.Record.class,
            SessionCommands.Help.class,
            SessionCommands.Quit.class);

    @Command(name = "lab")
    static final class Root {
    }

    /**
     * Each command parses on its own (not as a subcommand), so its synopsis reads {@code tick [MS]}. Its picocli
     * model is built the first time the command is used: reading every class's annotations up front is most of a
     * lab's start-up cost, and a session uses a handful of commands.
     */
    private final Map<String, Class<? extends LabCommand>> types = new LinkedHashMap<>();
    private final Map<String, CommandLine> built = new LinkedHashMap<>();
    private final Lab lab;
    private CommandLine tree;

    CommandSet(Lab lab) {
        this.lab = lab;
        for (Class<? extends LabCommand> type : ALL) {
            types.put(type.getAnnotation(Command.class).name(), type);
        }
    }

    private static LabCommand create(Class<? extends LabCommand> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create command " + type.getName(), e);
        }
    }

    /**
     * The vocabulary as one picocli tree ({@code lab} with a subcommand per command), for completion. Its command
     * objects are spares that never run; built on first use so that start-up does not pay for it.
     */
    public CommandLine tree() {
        if (tree == null) {
            tree = new CommandLine(new Root());
            for (Class<? extends LabCommand> type : ALL) {
                tree.addSubcommand(create(type));
            }
        }
        return tree;
    }

    /** Names of all commands, in help order. */
    public List<String> names() {
        return new ArrayList<>(types.keySet());
    }

    /** Whether {@code name} is a command. */
    public boolean has(String name) {
        return types.containsKey(name);
    }

    /** Commands by name, in help order (builds every command's model). */
    public Map<String, CommandLine> all() {
        Map<String, CommandLine> out = new LinkedHashMap<>();
        for (String name : types.keySet()) {
            out.put(name, command(name));
        }
        return out;
    }

    /** The command called {@code name}, bound to this lab, or null. */
    public CommandLine command(String name) {
        CommandLine cl = built.get(name);
        if (cl == null) {
            Class<? extends LabCommand> type = types.get(name);
            if (type == null) {
                return null;
            }
            LabCommand cmd = create(type);
            cmd.lab = lab;
            cl = new CommandLine(cmd);
            built.put(name, cl);
        }
        return cl;
    }

    /** Parses {@code words} (the command name first) and runs the command, or throws a one-line LabException. */
    void run(List<String> words) {
        String name = words.get(0);
        CommandLine cmd = command(name);
        if (cmd == null) {
            throw new LabException("unknown command '" + name + "'" + suggest(name) + "; type `help` for the list");
        }
        try {
            cmd.parseArgs(words.subList(1, words.size()).toArray(new String[0]));
        } catch (ParameterException e) {
            throw new LabException(name + ": " + oneLine(e.getMessage()) + "; usage: " + synopsis(cmd));
        }
        ((Runnable) cmd.getCommand()).run();
    }

    /** {@code put [--to=N] K V} */
    static String synopsis(CommandLine cmd) {
        return cmd.getHelp().synopsis(0).strip().replaceAll("\\s+", " ");
    }

    /** {@code put K V [options]}: the name and positional parameters, for the {@code help} list. */
    static String shortForm(CommandLine cmd) {
        StringBuilder sb = new StringBuilder(cmd.getCommandName());
        for (CommandLine.Model.PositionalParamSpec p : cmd.getCommandSpec().positionalParameters()) {
            String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
            sb.append(' ').append(p.arity().min() == 0 ? "[" + label + "]" : label);
        }
        if (!cmd.getCommandSpec().options().isEmpty()) {
            sb.append(" [options]");
        }
        return sb.toString();
    }

    private static String oneLine(String message) {
        String m = message.strip().replaceAll("\\s+", " ");
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** ", did you mean 'tick'?" for a near miss, else "". */
    private String suggest(String name) {
        String best = null;
        int bestDistance = name.length() < 5 ? 2 : 3;
        for (String candidate : types.keySet()) {
            int d = editDistance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? "" : ", did you mean '" + best + "'?";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
