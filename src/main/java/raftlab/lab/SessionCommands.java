package raftlab.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands about the session itself rather than the cluster. */
final class SessionCommands {
    private SessionCommands() {
    }

    @Command(name = "record", description = {"Write the session so far to FILE as a transcript that `./lab replay FILE`"
            + " replays.",
        "Comments you typed (whole lines, and # comments after a command) are kept. An existing file is replaced only"
            + " with --force; ~ means your home folder.",
        "Nothing that depends on wall time or on this machine is recorded (explore's speed line is shown but not"
            + " kept), so the transcript replays byte for byte anywhere."})
    static final class Record extends LabCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "where to write the transcript (~ is your home folder)")
        String file;
        @Option(names = "--force", description = "replace FILE if it exists")
        boolean force;

        @Override
        public void run() {
            if (lab.replaying()) {
                throw new LabException("record is not available while replaying a transcript or running a script");
            }
            Path path = TextFiles.writableTarget(file, force, "`record " + file + " --force` replaces it");
            List<TranscriptItem> session = lab.session();
            String text = Transcript.render(session);
            TextFiles.write(path, file, text);
            long commands = session.stream().filter(TranscriptItem::isCommand).count();
            long lines = text.isEmpty() ? 0 : text.split("\n", -1).length - 1;
            out().line("recorded " + Text.count(commands, "command") + " (" + Text.count(lines, "line") + ") to "
                    + file);
            long stopped = session.stream().filter(i -> i.isCommand() && !i.output().isEmpty()
                    && i.output().get(i.output().size() - 1).startsWith("interrupted at [")).count();
            if (stopped > 0) {
                out().line("note: " + Text.count(stopped, "command was", "commands were") + " interrupted with Ctrl-C;"
                        + " a replay runs them to the end, so it will differ from there on");
            }
        }
    }

    @Command(name = "help", description = "List the commands, or show how to use one.")
    static final class Help extends LabCommand {
        static final int WIDTH = 80;
        /** Widest command form kept beside its description; longer ones go on a line of their own. */
        static final int FIRST_COLUMN = 26;

        /** {@code text} in lines of at most {@code width} characters, broken between words. */
        static List<String> wrap(String text, int width) {
            List<String> lines = new java.util.ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (String word : text.split(" ")) {
                if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
                    lines.add(cur.toString());
                    cur.setLength(0);
                }
                cur.append(cur.length() == 0 ? "" : " ").append(word);
            }
            lines.add(cur.toString());
            return lines;
        }

        @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "the command to explain; without it, the list")
        String command;

        @Override
        public void run() {
            CommandSet set = lab.commands();
            if (command == null) {
                // Descriptions wrap between words so that no line passes WIDTH columns (a terminal would cut words);
                // a command form too long for the first column gets a line of its own.
                Map<String, String> rows = new java.util.LinkedHashMap<>();
                int first = "command".length();
                for (Map.Entry<String, CommandLine> e : set.all().entrySet()) {
                    String[] desc = e.getValue().getCommandSpec().usageMessage().description();
                    String form = CommandSet.shortForm(e.getValue());
                    rows.put(form, desc.length == 0 ? "" : desc[0]);
                    if (form.length() <= FIRST_COLUMN) {
                        first = Math.max(first, form.length());
                    }
                }
                String indent = " ".repeat(first + 2);
                out().line(String.format("%-" + first + "s  %s", "command", "what it does"));
                for (Map.Entry<String, String> row : rows.entrySet()) {
                    List<String> parts = wrap(row.getValue(), WIDTH - first - 2);
                    String form = row.getKey();
                    if (form.length() > first) {
                        out().line(form);
                        form = "";
                    }
                    for (int i = 0; i < parts.size(); i++) {
                        out().line((i == 0 && !form.isEmpty() ? String.format("%-" + first + "s  ", form) : indent)
                                + parts.get(i));
                    }
                }
                out().line("Lines starting with # are comments; `help COMMAND` shows one command in full.");
                return;
            }
            CommandLine cmd = set.command(command);
            if (cmd == null) {
                throw new LabException("no command '" + command + "'" + set.suggestion(command) + "; `help` lists them");
            }
            for (String line : cmd.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n")) {
                if (!line.isBlank()) {
                    // options as they are typed, `--from A` (picocli writes --from=A; same width, so columns stay)
                    out().line(line.stripTrailing().replaceAll("(--[\\w-]+)=(?=\\S)", "$1 "));
                }
            }
        }
    }

    @Command(name = "quit", description = "Leave the lab (`exit` and `q` too).")
    static final class Quit extends LabCommand {
        @Override
        public void run() {
            lab.requestQuit();
        }
    }
}
