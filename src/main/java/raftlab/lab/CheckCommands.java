package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.check.History;
import raftlab.check.Workload;
import raftlab.check.linear.CheckResult;
import raftlab.raft.Bug;

/** Safety checks, classic bugs, simulated clients and their history. */
final class CheckCommands {
    private CheckCommands() {
    }

    @Command(name = "check", description = "Check safety and linearizability now (prints `safe` or the breaches);"
            + " `check on|off` switches checking after every event (on by default).")
    static final class Check extends LabCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "on|off", description = "on: check after every event; off: only when you type `check`")
        String mode;

        @Override
        public void run() {
            if (mode != null) {
                boolean on = OnOff.parse(mode, "check");
                lab.setChecks(on);
                out().line(on ? "checks on: safety is checked after every event"
                        : "checks off: `check` still judges the present state on demand");
                return;
            }
            List<String> breaches = lab.breaches();
            if (breaches.isEmpty()) {
                History h = lab.clientHistory();
                CheckResult lin = lab.lastLinearizability();
                String history = h.size() == 0 ? "" : "; history of " + Text.count(h.size(), "operation") + " "
                        + (lin != null && lin.inconclusive() ? "not judged: " + lin.describe() : "is linearizable");
                out().line("safe" + (lab.checksOn() ? " (checked after every event)" : " (present state only)")
                        + history);
                return;
            }
            if (!lab.checksOn()) {
                out().line("checks are off, so this judged the present state only (`check on` watches every event):");
            }
            for (String b : breaches) {
                for (String line : b.split("\n")) {
                    out().line(line);
                }
            }
        }
    }

    /** The bug named {@code name}, or a one-line error listing the valid names. */
    static Bug bug(String name) {
        Bug b = Bug.byLabel(name);
        if (b == null) {
            List<String> names = new ArrayList<>();
            for (Bug x : Bug.values()) {
                names.add(x.label);
            }
            throw new LabException("no bug '" + name + "'; bugs are " + String.join(", ", names));
        }
        return b;
    }

    @Command(name = "bug", description = "Switch a classic Raft bug on or off in every node, as in `bug forget-vote on`.")
    static final class BugSwitch extends LabCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "the bug, as `bugs` lists them")
        String name;
        @Parameters(index = "1", paramLabel = "on|off", description = "on switches it on in every node, off back off")
        String mode;

        @Override
        public void run() {
            Bug b = bug(name);
            boolean on = OnOff.parse(mode, "bug " + name);
            if (on) {
                cluster().bugs().add(b);
            } else {
                cluster().bugs().remove(b);
            }
            out().line("bug " + b.label + " " + (on ? "on" : "off") + ": " + b.explanation);
        }
    }

    @Command(name = "bugs", description = "List the classic bugs the lab can switch on, and which are on.")
    static final class Bugs extends LabCommand {
        @Override
        public void run() {
            Table t = new Table("bug", "state", "what goes wrong");
            for (Bug b : Bug.values()) {
                t.row(b.label, cluster().bugs().contains(b) ? "on" : "off", b.explanation);
            }
            t.render(out());
        }
    }

    @Command(name = "clients", description = "Start N simulated clients issuing random put/get/append/cas over the"
            + " network, retried with the same sequence number until answered, recorded in the history; `clients 0` or `clients stop` stops them; `clients drain` lets them"
            + " finish the operations they are on and start no more.")
    static final class Clients extends LabCommand {
        @Parameters(index = "0", paramLabel = "N|stop|drain", description = "how many clients to start, stop, or drain")
        String count;
        @Option(names = "--keys", paramLabel = "K", description = "keys they share, k1..kK (default 3)")
        int keys = 3;
        @Option(names = "--rate", paramLabel = "R", description = "operations per virtual second per client (default 10)")
        double rate = 10;

        @Override
        public void run() {
            int n;
            if (count.equals("drain")) {
                Workload w = lab.workload();
                if (w == null) {
                    out().line("no clients were running");
                    return;
                }
                w.drain();
                int waiting = w.waiting();
                out().line("clients draining: they start no new operation; " + waiting + " still waiting for an answer");
                return;
            }
            if (count.equals("stop")) {
                n = 0;
            } else {
                try {
                    n = Integer.parseInt(count);
                } catch (NumberFormatException e) {
                    throw new LabException("clients takes a number of clients, stop or drain, not '" + count + "'");
                }
            }
            if (n < 0 || n > 100) {
                throw new LabException("clients takes 0..100 clients, not " + n);
            }
            if (keys < 1 || keys > 1000) {
                throw new LabException("--keys takes 1..1000, not " + keys);
            }
            if (!(rate > 0 && rate <= 1000)) {
                throw new LabException("--rate takes a number of operations per second in (0, 1000], not " + rate);
            }
            boolean wasRunning = lab.workload() != null;
            lab.startClients(n, keys, rate);
            out().line(n == 0 ? (wasRunning ? "clients stopped; their unanswered operations stay unknown"
                    : "no clients were running") : n + " client" + (n == 1 ? "" : "s") + " on keys k1..k" + keys
                    + ", about " + fmt(rate) + " operations per second each, timeout " + Workload.TIMEOUT + "ms");
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
