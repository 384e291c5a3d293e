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
            TimeCommands.Transfer.class,
            MembershipCommands.AddNode.class,
            MembershipCommands.Promote.class,
            MembershipCommands.RemoveNode.class,
            MembershipCommands.Reconfigure.class,
            TimeCommands.Skew.class,
            TimeCommands.Now.class,
            ClockCommands.Clock.class,
            ClockCommands.Pause.class,
            ClockCommands.Resume.class,
            ViewCommands.Status.class,
            ViewCommands.Log.class,
            ViewCommands.Events.class,
            ViewCommands.Progress.class,
            PictureCommands.TimelineCommand.class,
            PictureCommands.Export.class,
            PictureCommands.PlotCommand.class,
            ClientCommands.Put.class,
            ClientCommands.Get.class,
            ClientCommands.Append.class,
            ClientCommands.Delete.class,
            ClientCommands.Cas.class,
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
            HistoryCommands.HistoryCommand.class,
            HistoryCommands.Lincheck.class,
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

    /** Other names a person reaches for: {@code exit} and {@code q} leave like {@code quit}. */
    static final Map<String, String> ALIASES = Map.of("exit", "quit", "q", "quit");

    /** Whether {@code name} is a command (or an alias of one). */
    public boolean has(String name) {
        return types.containsKey(name) || ALIASES.containsKey(name);
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
        name = ALIASES.getOrDefault(name, name);
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
            throw new LabException("unknown command '" + name + "'" + suggestion(name) + "; type `help` for the list");
        }
        List<String> args = words.subList(1, words.size());
        ParseErrors.checkOptions(cmd, args);
        try {
            cmd.parseArgs(args.toArray(new String[0]));
        } catch (ParameterException e) {
            throw new LabException(ParseErrors.describe(cmd, e));
        }
        ((Runnable) cmd.getCommand()).run();
    }

    /** {@code put [--to N] K V}: options written as they are typed, with a space before the value. */
    static String synopsis(CommandLine cmd) {
        return cmd.getHelp().synopsis(0).strip().replaceAll("\\s+", " ").replaceAll("(--[\\w-]+)=", "$1 ");
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

    /** ", did you mean 'tick'?" for a near miss among the commands, else "". */
    public String suggestion(String name) {
        String best = Suggest.nearest(name, types.keySet());
        return best == null ? "" : ", did you mean '" + best + "'?";
    }
}
