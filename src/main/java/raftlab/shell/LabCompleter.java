package raftlab.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import raftlab.lab.Vocabulary;

/**
 * Tab completion from the command vocabulary itself: picocli completes command and option names from the command
 * tree; this class adds what picocli cannot know: node ids, message ids in flight, and the fixed words a parameter
 * takes (its label spells them, as in {@code on|off}). It reads only immutable snapshots, never the lab.
 */
final class LabCompleter implements Completer {
    /** Parameter labels that name a node (the {@code N} of {@code cluster N} is a size, so that command is skipped). */
    private static final Set<String> NODE_LABELS = Set.of("N", "A", "B", "LINK");
    private static final Set<String> MESSAGE_LABELS = Set.of("ID");

    private final Supplier<CommandLine> tree;
    private final Supplier<CompletionFacts> facts;

    LabCompleter(Supplier<CommandLine> tree, Supplier<CompletionFacts> facts) {
        this.tree = tree;
        this.facts = facts;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String value : complete(line.words(), line.wordIndex(), line.word().substring(0, line.wordCursor()))) {
            candidates.add(new Candidate(value));
        }
    }

    /** Completions (whole words, sorted) for the word at {@code index}, of which {@code prefix} is typed. */
    List<String> complete(List<String> words, int index, String prefix) {
        CommandLine root = tree.get();
        TreeSet<String> out = new TreeSet<>();
        if (index > 0 && !prefix.startsWith("-")) {
            CommandLine cmd = root.getSubcommands().get(words.get(0));
            if (cmd == null) {
                return List.of();
            }
            String label = label(cmd.getCommandSpec(), words, index);
            if (label != null) {
                values(root, cmd.getCommandName(), label, prefix, out);
            }
        } else {
            // picocli answers with the rest of each matching word after the typed prefix.
            String[] args = words.subList(0, index + 1).toArray(new String[0]);
            args[index] = prefix;
            List<CharSequence> rests = new ArrayList<>();
            AutoComplete.complete(root.getCommandSpec(), args, index, prefix.length(), String.join(" ", args).length(),
                    rests);
            for (CharSequence rest : rests) {
                out.add(prefix + rest);
            }
        }
        out.removeIf(v -> !v.startsWith(prefix));
        return new ArrayList<>(out);
    }

    private void values(CommandLine root, String command, String label, String prefix, Set<String> out) {
        CompletionFacts f = facts.get();
        if (NODE_LABELS.contains(label) && !command.equals("cluster")) {
            for (int i = 1; i <= f.nodes(); i++) {
                out.add(String.valueOf(i));
            }
        } else if (MESSAGE_LABELS.contains(label)) {
            out.addAll(f.messageIds());
        } else if (label.equals("FILE") || label.equals("FILE.java|CLASS") || label.equals("PATH")) {
            out.addAll(paths(prefix));
        } else if (label.equals("KINDS")) {
            // a comma-separated list: complete its last item, keeping the ones before
            String done = prefix.contains(",") ? prefix.substring(0, prefix.lastIndexOf(',') + 1) : "";
            for (String kind : Vocabulary.values(List.of(), label)) {
                out.add(done + kind);
            }
        } else {
            out.addAll(Vocabulary.values(new ArrayList<>(root.getSubcommands().keySet()), label));
        }
    }

    /** Files and folders whose path starts with {@code prefix} (folders end in /); ~ is the home folder. */
    static List<String> paths(String prefix) {
        String expanded = prefix.startsWith("~/") ? System.getProperty("user.home") + prefix.substring(1) : prefix;
        int slash = expanded.lastIndexOf('/');
        Path dir = Path.of(slash < 0 ? "." : slash == 0 ? "/" : expanded.substring(0, slash));
        String start = expanded.substring(slash + 1);
        String typedDir = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(start) && (!name.startsWith(".") || start.startsWith("."))) {
                    out.add(typedDir + name + (Files.isDirectory(p) ? "/" : ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // no such folder, or unreadable: nothing to offer
        }
        return out;
    }

    /**
     * The label of the parameter the word at {@code index} would fill: the option's, when it follows an option that
     * takes a value, else the positional parameter's at that position; null when nothing fits.
     */
    static String label(CommandSpec spec, List<String> words, int index) {
        int positional = 0;
        for (int i = 1; i < index; i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                OptionSpec o = spec.findOption(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                if (o != null && o.arity().min() > 0 && !w.contains("=")) {
                    if (i + 1 == index) {
                        return o.paramLabel();
                    }
                    i++;
                }
                continue;
            }
            positional++;
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(positional)) {
                return p.paramLabel();
            }
        }
        return null;
    }
}
