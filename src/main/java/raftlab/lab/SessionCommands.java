package raftlab.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Commands about the session itself rather than the cluster. */
final class SessionCommands {
    private SessionCommands() {
    }

    @Command(name = "record", description = "Write the session so far to FILE as a transcript that `./lab replay FILE`"
            + " replays.")
    static final class Record extends LabCommand {
        @Parameters(index = "0", paramLabel = "FILE")
        String file;

        @Override
        public void run() {
            if (lab.replaying()) {
                throw new LabException("record is not available while replaying a transcript or running a script");
            }
            Path path = Path.of(file);
            String text = Transcript.render(lab.session());
            try {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    throw new LabException("cannot write " + file + ": folder " + parent + " does not exist");
                }
                Files.writeString(path, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LabException("cannot write " + file + ": " + e.getMessage());
            }
            out().line("recorded " + lab.session().size() + " lines of session to " + file);
        }
    }

    @Command(name = "help", description = "List the commands, or show how to use one.")
    static final class Help extends LabCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND")
        String command;

        @Override
        public void run() {
            CommandSet set = lab.commands();
            if (command == null) {
                Table t = new Table("command", "what it does");
                for (Map.Entry<String, CommandLine> e : set.all().entrySet()) {
                    String[] desc = e.getValue().getCommandSpec().usageMessage().description();
                    t.row(CommandSet.shortForm(e.getValue()), desc.length == 0 ? "" : desc[0]);
                }
                t.render(out());
                out().line("Lines starting with # are comments; `help COMMAND` shows one command in full.");
                return;
            }
            CommandLine cmd = set.command(command);
            if (cmd == null) {
                throw new LabException("no command '" + command + "'; `help` lists them");
            }
            for (String line : cmd.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n")) {
                if (!line.isBlank()) {
                    out().line(line.stripTrailing());
                }
            }
        }
    }

    @Command(name = "quit", description = "Leave the lab.")
    static final class Quit extends LabCommand {
        @Override
        public void run() {
            lab.requestQuit();
        }
    }
}
