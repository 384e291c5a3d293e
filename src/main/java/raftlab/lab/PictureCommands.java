package raftlab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.check.linear.CheckResult;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.check.linear.Operation;
import raftlab.picture.ExportFormat;
import raftlab.picture.Exports;
import raftlab.picture.HappeningKind;
import raftlab.picture.Plot;
import raftlab.picture.RunRecord;
import raftlab.picture.Timeline;

/** Commands that draw the recorded run: the text timeline, files for a browser and other tools, and plots. */
final class PictureCommands {
    /** The message types a timeline can pick, with their short names. */
    static final List<String> MESSAGE_TYPES = List.of("RequestVote", "RequestVoteReply", "AppendEntries",
            "AppendEntriesReply", "PreVote", "PreVoteReply", "TimeoutNow", "ReadIndex", "ReadIndexReply");

    private PictureCommands() {
    }

    /** The recorded window [from, to]; defaults: the whole record up to now. */
    static RunRecord window(Lab lab, Long from, Long to) {
        long now = lab.cluster().now();
        long f = from == null ? 0 : from;
        long t = to == null ? now : to;
        if (f < 0 || t < 0) {
            throw new LabException("--from and --to take virtual times of 0 ms or more");
        }
        if (f > t) {
            throw new LabException("--from " + f + " is after --to " + t + "; give a window with FROM <= TO");
        }
        return lab.recorder().window(f, t);
    }

    @Command(name = "timeline", description = "The run as a Lamport diagram in text: a column per node, time "
            + "downward, each message an arrow at the time it arrives; role changes, commits, client results inline.")
    static final class TimelineCommand extends LabCommand {
        @Option(names = "--from", paramLabel = "T", description = "start at virtual time T ms (default 0)")
        Long from;

        @Option(names = "--to", paramLabel = "T", description = "end at virtual time T ms (default now)")
        Long to;

        @Option(names = "--nodes", paramLabel = "N", split = ",", description = "only these nodes, in this order: 1,2,3")
        List<Integer> nodes;

        @Option(names = "--types", paramLabel = "TYPE", split = ",",
                description = "only these message types (RequestVote, RequestVoteReply, AppendEntries, "
                        + "AppendEntriesReply, or RV, RVR, AE, AER) and event kinds (role, vote, commit, apply, "
                        + "truncate, client, crash, restart)")
        List<String> types;

        @Option(names = "--width", paramLabel = "W", description = "fit W columns (default: the terminal's, or 100)")
        Integer width;

        @Override
        public void run() {
            List<Integer> shown = new ArrayList<>();
            if (nodes == null) {
                for (int id = 1; id <= cluster().size(); id++) {
                    shown.add(id);
                }
            } else {
                for (int id : nodes) {
                    node(id);
                    if (shown.contains(id)) {
                        throw new LabException("node " + id + " is named twice in --nodes");
                    }
                    shown.add(id);
                }
            }
            if (width != null && (width < 40 || width > 1000)) {
                throw new LabException("--width takes 40..1000 columns, not " + width);
            }
            Set<String> chosen = types == null ? null : types(types);
            RunRecord r = window(lab, from, to);
            for (String line : Timeline.render(r, new Timeline.Options(shown, chosen,
                    width == null ? lab.width() : width))) {
                out().line(line);
            }
        }

        private static Set<String> types(List<String> words) {
            Set<String> out = new LinkedHashSet<>();
            for (String w : words) {
                out.add(type(w));
            }
            return out;
        }

        private static String type(String w) {
            for (String t : MESSAGE_TYPES) {
                if (t.equalsIgnoreCase(w) || raftlab.picture.MessageLabels.abbreviation(t).equalsIgnoreCase(w)) {
                    return t;
                }
            }
            for (HappeningKind k : HappeningKind.values()) {
                if (k.label().equalsIgnoreCase(w)) {
                    return k.label();
                }
            }
            List<String> valid = new ArrayList<>(MESSAGE_TYPES);
            for (HappeningKind k : HappeningKind.values()) {
                valid.add(k.label());
            }
            throw new LabException("no message type or event kind '" + w + "'; choose from " + String.join(", ", valid));
        }
    }

    @Command(name = "export", description = "Write the run to FILE: html (a player for the browser), svg (the Lamport "
            + "diagram), shiviz (ShiViz log with vector clocks), mermaid (a sequence diagram), json (everything).")
    static final class Export extends LabCommand {
        @Parameters(index = "0", paramLabel = "html|svg|shiviz|mermaid|json", description = "the format")
        String format;

        @Parameters(index = "1", paramLabel = "FILE", description = "where to write it (~ is your home folder;"
                + " an existing file is replaced only with --force)")
        String file;

        @Option(names = "--from", paramLabel = "T", description = "start at virtual time T ms (default 0)")
        Long from;

        @Option(names = "--to", paramLabel = "T", description = "end at virtual time T ms (default now)")
        Long to;

        @Option(names = "--force", description = "replace FILE if it exists")
        boolean force;

        @Override
        public void run() {
            ExportFormat f = ExportFormat.named(format.toLowerCase(Locale.ROOT));
            if (f == null) {
                throw new LabException("no export format '" + format + "'; choose html, svg, shiviz, mermaid or json");
            }
            if (!lab.exportsAllowed()) {
                throw new LabException("export is not available while replaying a transcript");
            }
            Path path = TextFiles.writableTarget(file, force, "add --force to replace it");
            RunRecord r = window(lab, from, to);
            List<Operation> ops = lab.clientHistory().operations();
            CheckResult verdict = LinearizabilityChecker.check(ops);
            String title = "Raft Lab: " + cluster().size() + " nodes, seed " + cluster().seed() + ", " + r.from()
                    + ".." + r.to() + " ms";
            String text = Exports.render(f, r, ops, verdict, title);
            TextFiles.write(path, file, text);
            out().line("exported " + f.label() + " to " + file + ": " + r.messages().size() + " messages, "
                    + r.happenings().size() + " events, " + r.from() + ".." + r.to() + "ms"
                    + (r.cutNote() == null ? "" : "; " + r.cutNote()));
        }
    }

    @Command(name = "plot", description = "Draw numbers as a histogram or a line in the terminal; each word a series "
            + "of comma-separated numbers (plot 3,5,8,2), several words several series drawn together.")
    static final class PlotCommand extends LabCommand {
        @Parameters(index = "0..*", arity = "1..*", paramLabel = "VALUES", description = "numbers, e.g. 3,5,8,2")
        List<String> series;

        @Option(names = "--line", description = "a line (values in order) instead of a histogram")
        boolean line;

        @Option(names = "--bins", paramLabel = "N", description = "histogram bins (default 10)")
        int bins = 10;

        @Option(names = "--labels", paramLabel = "NAME", split = ",", description = "a name for each series: A,B")
        List<String> labels;

        @Option(names = "--title", paramLabel = "TEXT", description = "a title line")
        String title;

        @Option(names = "--unit", paramLabel = "U", description = "unit of the values, e.g. ms")
        String unit = "";

        @Option(names = "--width", paramLabel = "W", description = "fit W columns (default: the terminal's, or 100)")
        Integer width;

        @Override
        public void run() {
            List<double[]> values = Plot.parseSeries(series);
            if (labels != null && labels.size() != values.size()) {
                throw new LabException("--labels names " + labels.size() + " series but " + values.size()
                        + " were given");
            }
            if (bins < 1 || bins > 100) {
                throw new LabException("--bins takes 1..100, not " + bins);
            }
            if (width != null && (width < 40 || width > 1000)) {
                throw new LabException("--width takes 40..1000 columns, not " + width);
            }
            Plot.Options o = new Plot.Options(labels, title, unit, bins, width == null ? lab.width() : width);
            for (String l : line ? Plot.line(values, o) : Plot.histogram(values, o)) {
                out().line(l);
            }
        }
    }
}
