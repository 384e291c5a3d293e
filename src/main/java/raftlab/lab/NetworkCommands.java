package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.sim.Network;

/** Links and faults of the virtual network. A cut link drops messages when they would be delivered. */
final class NetworkCommands {
    private NetworkCommands() {
    }

    @Command(name = "partition", description = "Split the nodes into groups that cannot talk across, as in "
            + "`partition 1,2 3,4,5`. Every node must be in exactly one group.")
    static final class Partition extends LabCommand {
        @Parameters(paramLabel = "GROUP", arity = "2..*", description = "comma-separated node ids")
        List<String> groups;

        @Override
        public void run() {
            int n = cluster().size();
            int[] group = new int[n + 1];
            for (int g = 0; g < groups.size(); g++) {
                for (String part : groups.get(g).split(",", -1)) {
                    int id = nodeId(part.trim());
                    node(id);
                    if (group[id] != 0) {
                        throw new LabException("partition names n" + id + " twice; put each node in one group");
                    }
                    group[id] = g + 1;
                }
            }
            List<String> missing = new ArrayList<>();
            for (int id = 1; id <= n; id++) {
                if (group[id] == 0) {
                    missing.add("n" + id);
                }
            }
            if (!missing.isEmpty()) {
                throw new LabException("partition leaves out " + String.join(", ", missing)
                        + "; every node 1.." + n + " must be in a group");
            }
            cluster().network().partition(group);
            lab.note(0, "net", "partition " + String.join(" | ", groups));
        }
    }

    static int nodeId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new LabException("'" + text + "' is not a node id; write ids as numbers, as in 1,2");
        }
    }

    @Command(name = "heal", description = "Reconnect every link (undoes partition, isolate and cut).")
    static final class Heal extends LabCommand {
        @Override
        public void run() {
            cluster().network().heal();
            lab.note(0, "net", "network healed: every link is up");
        }
    }

    @Command(name = "isolate", description = "Cut node N off from every other node, both ways.")
    static final class Isolate extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id")
        int id;

        @Override
        public void run() {
            node(id);
            Network net = cluster().network();
            for (int other = 1; other <= cluster().size(); other++) {
                if (other != id) {
                    net.setCut(id, other, true);
                    net.setCut(other, id, true);
                }
            }
            lab.note(id, "net", "n" + id + " isolated");
        }
    }

    /** {@code A B} (both ways) or {@code A->B} (one way). */
    abstract static class LinkCommand extends LabCommand {
        @Parameters(paramLabel = "LINK", arity = "1..2", description = "A B (both directions) or A->B (one direction)")
        List<String> link;

        void apply(boolean cut) {
            int a;
            int b;
            boolean oneWay;
            if (link.size() == 1) {
                String[] parts = link.get(0).split("->", -1);
                if (parts.length != 2) {
                    throw new LabException("write a link as A B (both ways) or A->B (one way), not '" + link.get(0) + "'");
                }
                a = nodeId(parts[0].trim());
                b = nodeId(parts[1].trim());
                oneWay = true;
            } else {
                a = nodeId(link.get(0));
                b = nodeId(link.get(1));
                oneWay = false;
            }
            node(a);
            node(b);
            if (a == b) {
                throw new LabException("a link joins two different nodes, not n" + a + " to itself");
            }
            cluster().network().setCut(a, b, cut);
            if (!oneWay) {
                cluster().network().setCut(b, a, cut);
            }
            lab.note(0, "net", "link " + a + (oneWay ? "->" : "<->") + b + (cut ? " cut" : " restored"));
        }
    }

    @Command(name = "cut", description = "Cut the link between A and B (`cut A B`) or only from A to B (`cut A->B`).")
    static final class Cut extends LinkCommand {
        @Override
        public void run() {
            apply(true);
        }
    }

    @Command(name = "uncut", description = "Restore a link cut with `cut`.")
    static final class Uncut extends LinkCommand {
        @Override
        public void run() {
            apply(false);
        }
    }

    static double probability(String text) {
        try {
            double p = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
                    : Double.parseDouble(text);
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new LabException("'" + text + "' is not a probability; give 0..1 or a percentage, as in 0.1 or 10%");
    }

    /** 0.3, 0.125, 0: a probability as a person writes it. */
    static String fmt(double p) {
        return CheckCommands.fmt(p);
    }

    @Command(name = "loss", description = {"Drop messages with probability P: everywhere, or only --from A and/or --to B.",
        "Without --from/--to it replaces every per-link loss (and says which): `loss 0` makes every link whole again."})
    static final class Loss extends LabCommand {
        @Parameters(index = "0", paramLabel = "P", description = "0..1 or a percentage")
        String p;
        @Option(names = "--from", paramLabel = "A", description = "only messages sent by node A")
        Integer from;
        @Option(names = "--to", paramLabel = "B", description = "only messages addressed to node B")
        Integer to;

        @Override
        public void run() {
            double prob = probability(p);
            if (from != null) {
                node(from);
            }
            if (to != null) {
                node(to);
            }
            Network net = cluster().network();
            // A global loss replaces the per-link ones (so `loss 0` makes every link whole again); say which it replaced.
            List<String> replaced = from == null && to == null ? NetView.linkLosses(net, cluster().size()) : List.of();
            net.setLoss(from == null ? 0 : from, to == null ? 0 : to, prob);
            String where = from == null && to == null ? "on every link"
                    : "on links" + (from == null ? "" : " from n" + from) + (to == null ? "" : " to n" + to);
            lab.note(0, "net", "loss " + prob + " " + where + (replaced.isEmpty() ? "" : " (replacing "
                    + String.join("; ", replaced) + ")"));
        }
    }

    @Command(name = "latency", description = "Set the message latency range, as in `latency 1..5` (ms).")
    static final class Latency extends LabCommand {
        @Parameters(index = "0", paramLabel = "MIN..MAX", description = "every message takes MIN..MAX ms, drawn uniformly")
        String range;

        @Override
        public void run() {
            long[] r = Ranges.parse(range, "latency", 0);
            cluster().network().setLatency(r[0], r[1]);
            lab.note(0, "net", "latency " + r[0] + ".." + r[1] + "ms");
            lab.warnAboutTiming();
        }
    }

    @Command(name = "dupe", description = "Duplicate messages with probability P.")
    static final class Dupe extends LabCommand {
        @Parameters(index = "0", paramLabel = "P", description = "0..1 or a percentage")
        String p;

        @Override
        public void run() {
            double prob = probability(p);
            cluster().network().setDupe(prob);
            lab.note(0, "net", "duplicate probability " + prob);
        }
    }

    @Command(name = "net", description = "`net unreliable [--long-reorder]` switches on the MIT 6.824 tester's "
            + "unreliable network, `net reliable` off; `net` alone shows the network.")
    static final class Net extends LabCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "reliable|unreliable", description = "unreliable: the 6.824 tester's network; reliable: back to normal; none: show the network")
        String mode;
        @Option(names = "--long-reorder", description = "also delay two thirds of replies by 200..2200 ms")
        boolean longReorder;

        @Override
        public void run() {
            Network net = cluster().network();
            if (mode == null) {
                describe(net);
                return;
            }
            switch (mode) {
                case "unreliable":
                    net.setUnreliable(true, longReorder);
                    lab.note(0, "net", "network unreliable: 10% of messages lost, requests delayed 0..26ms"
                            + (longReorder ? ", 2/3 of replies delayed 200..2200ms" : ""));
                    break;
                case "reliable":
                    if (longReorder) {
                        throw new LabException("--long-reorder goes with `net unreliable`");
                    }
                    net.setUnreliable(false, false);
                    lab.note(0, "net", "network reliable again (cuts, loss and latency settings stay)");
                    break;
                default:
                    throw new LabException("net takes reliable or unreliable, not '" + mode + "'");
            }
        }

        private void describe(Network net) {
            out().line("latency " + net.latencyMin() + ".." + net.latencyMax() + "ms, duplicate " + fmt(net.dupe())
                    + ", hold " + (cluster().hold() ? "on" : "off"));
            out().line(net.unreliable() ? "unreliable: 10% of messages lost, requests delayed 0..26ms more"
                    + (net.longReorder() ? ", 2/3 of replies delayed 200..2200ms" : "") : "reliable (no extra loss or delay)");
            out().line(net.globalLoss() > 0 ? "loss " + fmt(net.globalLoss()) + " on every link" : "loss 0 on every link");
            for (String line : NetView.linkLosses(net, cluster().size())) {
                out().line(line);
            }
            out().line(NetView.cuts(net, cluster().size()));
            String clocks = NetView.clocks(cluster());
            if (clocks != null) {
                out().line(clocks);
            }
        }
    }
}
