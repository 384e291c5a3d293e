package raftlab.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.Explorer;
import raftlab.check.explore.Fault;
import raftlab.check.explore.FaultKind;
import raftlab.check.explore.RunResult;
import raftlab.check.explore.Scenario;
import raftlab.check.explore.ScenarioGenerator;
import raftlab.check.explore.ScenarioRunner;
import raftlab.check.explore.ScenarioShrinker;
import raftlab.picture.Json;
import raftlab.raft.Bug;
import raftlab.raft.ReadMode;

/** Seeded exploration: many randomized fault schedules, and one of them rerun, shrunk and saved. */
final class ExploreCommands {
    private ExploreCommands() {
    }

    /** The options explore and replay share; together with a seed they fix a schedule. */
    abstract static class ScheduleOptions extends LabCommand {
        @Option(names = "--nodes", paramLabel = "N", description = "cluster size, 3..9 (default 5)")
        int nodes = ExploreOptions.DEFAULT_NODES;
        @Option(names = "--time", paramLabel = "MS", description = "virtual ms per schedule (default 10000)")
        long time = ExploreOptions.DEFAULT_TIME;
        @Option(names = "--faults", paramLabel = "KINDS", description = "comma-separated: partition,crash,loss,reorder,dup,"
                + "power-loss,compact,skew,isolate-leader,reboot-voter,transfer,membership,change-split,stale-leader "
                + "(default: the "
                + "first five), or none")
        String faults = FaultKind.defaultLabels();
        @Option(names = "--clients", paramLabel = "C", description = "simulated clients (default 3)")
        int clients = ExploreOptions.DEFAULT_CLIENTS;
        @Option(names = "--rate", paramLabel = "R", description = "operations per second per client (default 10)")
        double rate = ExploreOptions.DEFAULT_RATE;
        @Option(names = "--bug", paramLabel = "NAME", description = "switch this classic bug on")
        String bug;
        @Option(names = "--noop", paramLabel = "on|off", description = "new leaders append a no-op (default on)")
        String noop = "on";
        @Option(names = "--swarm", paramLabel = "on|off", description = "each seed also draws its own mix of fault"
                + " kinds, rates and cluster timing (default on)")
        String swarm = "on";
        @Option(names = "--prevote", description = "clusters ask for pre-votes before elections (cluster --prevote)")
        boolean preVote;
        @Option(names = "--checkquorum", description = "leaders step down without a majority; nodes that hear from a "
                + "leader ignore RequestVote (cluster --checkquorum)")
        boolean checkQuorum;
        @Option(names = "--snapshot-every", paramLabel = "E", description = "nodes take a snapshot every E applied "
                + "entries (default 0: only the compact fault kind takes any)")
        long snapshotEvery = 0;
        @Option(names = "--reads", paramLabel = "log|readindex|lease", description = "how gets are served (cluster "
                + "--reads; default readindex; lease needs --checkquorum)")
        String reads = "readindex";

        /** The options that differ from the defaults, as typed: {@code --time 3000 --bug forget-vote}. */
        String optionText() {
            StringBuilder sb = new StringBuilder();
            if (nodes != ExploreOptions.DEFAULT_NODES) {
                sb.append(" --nodes ").append(nodes);
            }
            if (time != ExploreOptions.DEFAULT_TIME) {
                sb.append(" --time ").append(time);
            }
            if (!faults.equals(FaultKind.defaultLabels())) {
                sb.append(" --faults ").append(faults);
            }
            if (clients != ExploreOptions.DEFAULT_CLIENTS) {
                sb.append(" --clients ").append(clients);
            }
            if (rate != ExploreOptions.DEFAULT_RATE) {
                sb.append(" --rate ").append(CheckCommands.fmt(rate));
            }
            if (!noop.equals("on")) {
                sb.append(" --noop ").append(noop);
            }
            if (!swarm.equals("on")) {
                sb.append(" --swarm ").append(swarm);
            }
            if (preVote) {
                sb.append(" --prevote");
            }
            if (checkQuorum) {
                sb.append(" --checkquorum");
            }
            if (snapshotEvery != 0) {
                sb.append(" --snapshot-every ").append(snapshotEvery);
            }
            if (!reads.equals("readindex")) {
                sb.append(" --reads ").append(reads);
            }
            if (bug != null) {
                sb.append(" --bug ").append(bug);
            }
            return sb.toString();
        }

        ExploreOptions options() {
            if (nodes < 3 || nodes > ClusterCommands.MAX_NODES) {
                throw new LabException("--nodes takes 3.." + ClusterCommands.MAX_NODES + ", not " + nodes);
            }
            if (time < 1 || time > 10_000_000) {
                throw new LabException("--time takes 1..10000000 ms, not " + time);
            }
            if (clients < 0 || clients > 100) {
                throw new LabException("--clients takes 0..100, not " + clients);
            }
            if (!(rate > 0 && rate <= 1000)) {
                throw new LabException("--rate takes a number of operations per second in (0, 1000], not " + rate);
            }
            Set<FaultKind> kinds;
            try {
                kinds = FaultKind.parse(faults);
            } catch (IllegalArgumentException e) {
                throw new LabException(e.getMessage());
            }
            Bug b = bug == null ? null : CheckCommands.bug(bug);
            boolean withNoop = OnOff.parse(noop, "--noop");
            boolean withSwarm = OnOff.parse(swarm, "--swarm");
            if (snapshotEvery < 0) {
                throw new LabException("--snapshot-every takes 0 (off) or more entries, not " + snapshotEvery);
            }
            ReadMode mode = ClusterCommands.readMode(reads, checkQuorum);
            return new ExploreOptions(nodes, time, kinds, clients, ExploreOptions.DEFAULT_KEYS, rate, withNoop, b,
                    withSwarm, preVote, checkQuorum, snapshotEvery, mode);
        }
    }

    @Command(name = "explore", description = "Run one randomized fault schedule per seed with safety and"
            + " linearizability checks; print each failing seed and a summary.")
    static final class Explore extends ScheduleOptions {
        @Option(names = "--seeds", paramLabel = "A..B", required = true, description = "the seed range, as in 1..1000")
        String seeds;
        @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores)")
        Integer threads;
        @Option(names = "--json", description = "one JSON object per failing seed, then one for the summary")
        boolean json;

        @Override
        public void run() {
            long[] range = seedRange(seeds);
            ExploreOptions o = options();
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1 || t > 256) {
                throw new LabException("--threads takes 1..256, not " + t);
            }
            long total = range[1] - range[0] + 1;
            boolean showProgress = !lab.replaying() && System.console() != null && total > 1000;
            long started = System.nanoTime();
            Explorer.Report report;
            try {
                report = Explorer.explore(range[0], range[1], o, t, done -> {
                    if (showProgress) {
                        System.err.print("\rexplore: " + done + "/" + total + " seeds");
                        System.err.flush();
                    }
                }, lab.factory());
            } finally {
                if (showProgress) {
                    System.err.print("\r\033[K"); // the progress line goes, also when Ctrl-C stopped the run
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (json) {
                for (RunResult r : report.failures()) {
                    out().line(Json.object("seed", r.scenario().seed(), "failed", true, "property", r.property(),
                            "result", r.line().replaceFirst("^seed \\d+: ", "")));
                }
                out().line(Json.object("seeds", report.firstSeed() + ".." + report.lastSeed(), "schedules", report.runs(),
                        "failed", report.failures().size(), "overBudget", report.overBudget(),
                        "replay", report.failures().isEmpty() ? null : "replay --seed "
                                + report.failures().get(0).scenario().seed() + optionText()));
            } else {
                for (String line : report.lines()) {
                    out().line(line);
                }
            }
            if (!report.failures().isEmpty()) {
                RunResult first = report.failures().get(0);
                if (!json) {
                    out().line("rerun and shrink one with `replay --seed " + first.scenario().seed() + optionText() + "`");
                }
                lab.markFailed();
            }
            // Wall-clock figures vary from run to run and machine to machine: shown, never recorded or compared.
            if (!json) {
                out().unrecordedLine(String.format("took %.1f s on %d thread%s: %.0f schedules/s, %.0f per thread", seconds,
                    t, t == 1 ? "" : "s", report.runs() / seconds, report.runs() / seconds / t));
            }
        }
    }

    /** {@code A..B} with 0 <= A <= B, or a single seed. */
    static long[] seedRange(String text) {
        String[] parts = text.split("\\.\\.", -1);
        try {
            if (parts.length <= 2) {
                long a = Long.parseLong(parts[0].trim());
                long b = parts.length == 2 ? Long.parseLong(parts[1].trim()) : a;
                if (a >= 0 && b >= a) {
                    return new long[] {a, b};
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new LabException("--seeds '" + text + "' is not a seed range; write A..B with 0 <= A <= B, as in 1..1000");
    }

    @Command(name = "replay", description = "Rerun one explored seed (same options as explore), shrink it if it fails,"
            + " show the schedule and the breach; --save FILE writes it as a transcript.")
    static final class Replay extends ScheduleOptions {
        @Option(names = "--seed", paramLabel = "S", required = true, description = "the seed to rerun, as explore printed it")
        long seed;
        @Option(names = "--save", paramLabel = "FILE", description = "write the (shrunk) run as a transcript")
        String save;
        @Option(names = "--force", description = "with --save, replace FILE if it exists")
        boolean force;
        @Option(names = "--no-shrink", description = "keep the schedule as generated")
        boolean noShrink;

        @Override
        public void run() {
            if (seed < 0) {
                throw new LabException("--seed takes 0 or more, not " + seed);
            }
            ExploreOptions o = options();
            Path target = null;
            if (save != null) {
                if (lab.replaying()) {
                    throw new LabException("replay --save is not available while replaying a transcript or running a"
                            + " script");
                }
                target = TextFiles.writableTarget(save, force, "add --force to replace it");
            }
            Scenario generated = ScenarioGenerator.generate(seed, o);
            RunResult r = ScenarioRunner.runOn(generated, lab.factory());
            // Counted on the run's concrete schedule: aimed faults that never found their moment are not faults.
            int faultCount = r.scenario().faults().size();
            if (!r.failed()) {
                out().line("seed " + seed + ": " + (r.overBudget() ? r.line().replaceFirst("^seed \\d+: ", "")
                        : "no breach, history linearizable, settled after the faults") + " ("
                        + Text.count(faultCount, "fault") + " in " + generated.time() + "ms)");
                return;
            }
            lab.markFailed();
            RunResult shown = noShrink ? r : ScenarioShrinker.shrinkOn(r, lab.factory());
            Scenario s = shown.scenario();
            out().line("seed " + seed + " fails (" + r.kind().label + "): " + r.property() + (noShrink ? "" : "; shrunk from "
                    + Text.count(faultCount, "fault") + " in " + generated.time() + "ms to " + s.faults().size()
                    + " in " + s.time() + "ms with " + s.clients() + " client" + (s.clients() == 1 ? "" : "s")));
            out().line("schedule:");
            for (Scenario.Action a : s.actions()) {
                out().line("  at " + a.time() + "ms: " + a.command(s.timing()));
            }
            if (shown.kind() == RunResult.Kind.STUCK) {
                out().line("  at " + s.time() + "ms: the faults are over: heal, restart every node, clients drain, and"
                        + " wait for one leader, every answer and equal state machines");
            }
            out().line("result:");
            out().line("  " + shown.line());
            if (shown.kind() == RunResult.Kind.NOT_LINEARIZABLE) {
                for (String line : shown.linear().describe().split("\n")) {
                    out().line("  " + line);
                }
            }
            if (save != null) {
                saveTranscript(s, shown, target);
            }
        }

        /** Runs the scenario's commands in a fresh lab, up to the breach, and writes the session as a transcript. */
        private void saveTranscript(Scenario s, RunResult shown, Path target) {
            Lab fresh = new Lab();
            List<String> head = new ArrayList<>();
            head.add("# Found by `replay --seed " + s.seed() + optionText() + "`"
                    + (noShrink ? "" : ", shrunk") + ".");
            head.add("# Expected: " + shown.line().replaceFirst("^seed \\d+: ", ""));
            for (Fault f : s.faults()) {
                head.add("# fault: " + f.describe());
            }
            for (String line : head) {
                fresh.execute(line);
            }
            for (String cmd : s.commands()) {
                if (cmd.startsWith("cluster ")) {
                    cmd += lab.implOption(); // the transcript runs the same implementation
                }
                Output o = fresh.execute(cmd);
                if (o.text().contains("SAFETY BREACH")) {
                    break;
                }
            }
            fresh.execute("check");
            String text = Transcript.render(fresh.session());
            TextFiles.write(target, save, text);
            out().line("saved " + Text.count(text.isEmpty() ? 0 : text.split("\n", -1).length - 1, "line")
                    + " of transcript to " + save);
        }
    }
}
