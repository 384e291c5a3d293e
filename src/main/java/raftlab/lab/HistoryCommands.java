package raftlab.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.check.History;
import raftlab.check.linear.CheckResult;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.check.linear.Operation;
import raftlab.check.linear.text.HistorySyntaxError;
import raftlab.check.linear.text.HistoryText;
import raftlab.check.linear.text.HistoryWriter;
import raftlab.picture.Json;

/** The client history: printing and saving it, and checking any history file for linearizability. */
final class HistoryCommands {
    private HistoryCommands() {
    }

    @Command(name = "history", description = {"Print the client history: each operation with its invocation and"
            + " completion times (c0 is you).",
        "`history --save FILE` writes it to FILE in the same form, for `lincheck FILE` (an existing file is replaced"
            + " only with --force)."})
    static final class HistoryCommand extends LabCommand {
        @Option(names = "--last", paramLabel = "K", description = "only the last K operations")
        int last;
        @Option(names = "--json", description = "one JSON object per operation, for jq and other programs")
        boolean json;
        @Option(names = "--save", paramLabel = "FILE", description = "write the history to FILE (~ is your home"
                + " folder) instead of printing it")
        String save;
        @Option(names = "--force", description = "with --save: replace FILE if it exists")
        boolean force;

        @Override
        public void run() {
            if (last < 0) {
                throw new LabException("--last takes a positive number, not " + last);
            }
            if (save != null && json) {
                throw new LabException("history --save writes the lab's form, which `lincheck` reads; leave out --json");
            }
            if (force && save == null) {
                throw new LabException("--force goes with --save FILE: history --save FILE --force");
            }
            History h = lab.clientHistory();
            List<Operation> ops = h.operations();
            List<Operation> shown = ops.subList(last <= 0 ? 0 : Math.max(0, ops.size() - last), ops.size());
            if (save != null) {
                save(shown);
                return;
            }
            if (json) {
                for (Operation o : shown) {
                    boolean answered = o.completedAt() != Operation.IN_FLIGHT;
                    Object[] fields = {"id", o.id(), "client", o.client(), "op", o.kind().label(),
                            "key", o.key(), "value", o.value(), "invoked", o.invokedAt(),
                            "completed", answered ? o.completedAt() : null, "outcome", o.outcome().name().toLowerCase(),
                            "output", o.output()};
                    if (o.kind() == raftlab.check.linear.OpKind.CAS) { // the value a cas expects, after its new one
                        fields = java.util.Arrays.copyOf(fields, fields.length + 2);
                        fields[fields.length - 2] = "expected";
                        fields[fields.length - 1] = o.expected();
                    }
                    out().line(Json.object(fields));
                }
                return;
            }
            if (h.size() == 0) {
                out().line("no operations yet; type put/get, or start clients with `clients 3`");
                return;
            }
            for (String line : h.lines(last)) {
                out().line(line);
            }
        }

        private void save(List<Operation> ops) {
            if (!lab.exportsAllowed()) {
                throw new LabException("history --save is not available while replaying a transcript (it would write"
                        + " a file); a script can save");
            }
            Path path = TextFiles.writableTarget(save, force, "`history --save " + save + " --force` replaces it");
            StringBuilder text = new StringBuilder();
            for (String line : HistoryWriter.lab(ops)) {
                text.append(line).append('\n');
            }
            TextFiles.write(path, save, text);
            out().line("saved " + Text.count(ops.size(), "operation") + " to " + save + "; `lincheck " + save
                    + "` checks it");
        }
    }

    @Command(name = "lincheck", description = {"Check a history file for linearizability: the lab's own `history --save`"
            + " form, Jepsen/Knossos EDN (one map per line, a register or keys) or Jepsen's log lines for a register.",
        "From the OS shell, `./lab lincheck FILE` exits 0 if it is linearizable, 1 if not (showing the smallest failing"
            + " part), 2 if the checker could not decide within its memory budget or the file cannot be read."})
    static final class Lincheck extends LabCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "the history file (~ is your home folder)")
        String file;
        @Option(names = "--budget", paramLabel = "MB", description = "memory each key's search may hold, in MB"
                + " (default 128); past it that key is undecided")
        Long budgetMb;

        @Override
        public void run() {
            long budget = LinearizabilityChecker.DEFAULT_BUDGET_BYTES;
            if (budgetMb != null) {
                if (budgetMb < 1 || budgetMb > 1_000_000) {
                    throw new LabException("--budget takes a number of MB in 1..1000000, not " + budgetMb);
                }
                budget = budgetMb << 20;
            }
            String text;
            try {
                text = TextFiles.readUtf8(TextFiles.expandHome(file));
            } catch (TextFiles.ReadError e) {
                lab.markUndecided();
                throw new LabException(e.getMessage());
            }
            HistoryText.Parsed parsed;
            try {
                parsed = HistoryText.read(text);
            } catch (HistorySyntaxError e) {
                lab.markUndecided();
                throw new LabException(e.at(file));
            }
            List<Operation> ops = parsed.operations();
            TreeSet<String> keys = new TreeSet<>();
            long unknown = 0;
            for (Operation op : ops) {
                keys.add(op.key());
                unknown += op.isUncertain() ? 1 : 0;
            }
            String what = Text.count(ops.size(), "operation") + (unknown > 0 ? " (" + unknown + " of unknown outcome)"
                    : "") + " on " + Text.count(keys.size(), "key") + ", read as " + parsed.format().label;
            CheckResult r = LinearizabilityChecker.check(ops, budget);
            if (r.linearizable()) {
                out().line(file + ": linearizable: " + what);
                return;
            }
            if (r.inconclusive()) {
                lab.markUndecided();
                out().line(file + ": could not decide: " + what);
                out().line(r.describe());
                out().line("why: " + r.why() + "; `lincheck " + file + " --budget MB` allows more");
                return;
            }
            lab.markFailed();
            out().line(file + ": NOT linearizable: " + what);
            for (String line : r.describe().split("\n")) {
                out().line(line);
            }
        }
    }
}
