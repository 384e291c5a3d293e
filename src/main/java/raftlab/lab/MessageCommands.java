package raftlab.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.raft.AppendEntries;
import raftlab.raft.Entry;
import raftlab.sim.InFlight;
import raftlab.sim.Stats;

/** Messages in the user's hands: list, hold, deliver, drop, duplicate, delay, stabilize, count. */
final class MessageCommands {
    private MessageCommands() {
    }

    /** Every message type's name, in {@link raftlab.raft.MessageType} order. */
    static final List<String> TYPES = java.util.Arrays.stream(raftlab.raft.MessageType.values()).map(t -> t.label)
            .toList();

    /** The canonical type name for {@code text} (any case), or an error listing the valid ones. */
    static String type(String text) {
        for (String t : TYPES) {
            if (t.equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new LabException("no message type '" + text + "'; types are " + String.join(", ", TYPES));
    }

    @Command(name = "msgs", description = "List the messages in flight (all, or those chosen as for deliver), with "
            + "their ids, Figure 2 fields and due time; --entries also lists what an AppendEntries carries.")
    static final class Msgs extends Selecting {
        @Option(names = "--entries", description = "under each AppendEntries, its entries: index, term, command")
        boolean entries;

        @Override
        public void run() {
            List<InFlight> chosen = select(null);
            for (InFlight m : chosen) {
                out().line(m.describe());
                if (entries && m.message instanceof AppendEntries) {
                    AppendEntries ae = (AppendEntries) m.message;
                    long index = ae.prevLogIndex();
                    for (Entry e : ae.entries()) {
                        out().line("    " + (++index) + "  " + e.term() + " " + LogView.describe(e.command()));
                    }
                }
            }
            int total = cluster().inFlight().size();
            out().line((chosen.size() == total ? total + " in flight" : chosen.size() + " of " + total + " in flight")
                    + (cluster().hold() ? " (hold is on)" : ""));
            waiting(out(), cluster());
        }
    }

    /**
     * One line per batching leader still holding entries proposed in this instant: they are not in flight yet, and a
     * learner under {@code hold on} would otherwise wonder where the AppendEntries of their put went.
     */
    static void waiting(Output out, raftlab.sim.Cluster c) {
        for (int id : c.ids()) {
            if (c.isUp(id) && c.flushPending(id)) {
                out.line("n" + id + " batches: entries proposed at " + c.now() + "ms go to its caught-up followers when"
                        + " that instant ends (`tick 0` ends it without moving the clock)");
            }
        }
    }

    /** Shared selection: explicit ids in the given order, else every message matching the filters. */
    abstract static class Selecting extends LabCommand {
        @Parameters(paramLabel = "ID", arity = "0..*", description = "message ids, as `msgs` shows them (#17 or 17)")
        List<String> ids = new ArrayList<>();
        @Option(names = "--from", paramLabel = "A", description = "messages sent by node A (or client cN)")
        String from;
        @Option(names = "--to", paramLabel = "B", description = "messages addressed to node B (or client cN)")
        String to;
        @Option(names = "--type", paramLabel = "T", description = "messages of type T (AppendEntries, ...)")
        String type;
        @Option(names = "--all", description = "every message in flight")
        boolean all;

        /** Prints "VERB #id ..." and acts on each chosen message, in order. */
        void forEachChosen(String verb, java.util.function.Consumer<InFlight> action) {
            List<InFlight> chosen = select(verb);
            for (InFlight m : chosen) {
                if (!lab.verbose()) {
                    // verbose on prints every delivery and drop as it happens: saying it here too would print it twice
                    out().line(EventPrinter.stamp(cluster().now()) + verb + " " + m.describe());
                }
                action.accept(m);
            }
            if (chosen.isEmpty()) {
                out().line("no message in flight matches");
                waiting(out(), cluster());
            }
        }

        /** The chosen messages; {@code verb} names the command in the error when nothing was chosen (null: all). */
        List<InFlight> select(String verb) {
            if (verb != null && ids.isEmpty() && from == null && to == null && type == null && !all) {
                throw new LabException(verb + " what? name message ids, or use --from A, --to B, --type T or --all");
            }
            Integer fromId = from == null ? null : endpoint(this, from);
            Integer toId = to == null ? null : endpoint(this, to);
            String t = type == null ? null : type(type);
            List<InFlight> chosen = new ArrayList<>();
            if (!ids.isEmpty()) {
                LinkedHashSet<Long> seen = new LinkedHashSet<>();
                for (String s : ids) {
                    long id = messageId(s);
                    if (!seen.add(id)) {
                        throw new LabException("message #" + id + " is named twice");
                    }
                    InFlight m = cluster().message(id);
                    if (m == null) {
                        throw new LabException("no message #" + id + " in flight; `msgs` lists them");
                    }
                    chosen.add(m);
                }
            } else {
                chosen.addAll(cluster().inFlight());
            }
            chosen.removeIf(m -> (fromId != null && m.message.from() != fromId) || (toId != null && m.message.to() != toId)
                    || (t != null && !m.message.type().equals(t)));
            return chosen;
        }
    }

    /** A node id ({@code 3}) or a client ({@code c1}) as the endpoint id messages carry; a one-line error otherwise. */
    static Integer endpoint(LabCommand cmd, String text) {
        if (text.matches("c\\d{1,6}")) {
            return raftlab.raft.ClientRequest.endpoint(Integer.parseInt(text.substring(1)));
        }
        try {
            return cmd.node(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new LabException("'" + text + "' is neither a node id nor a client (c0, c1, ...)");
        }
    }

    static long messageId(String text) {
        String s = text.startsWith("#") ? text.substring(1) : text;
        try {
            long id = Long.parseLong(s);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw new LabException("'" + text + "' is not a message id; ids look like #17, as `msgs` shows");
    }

    /** The message in flight called {@code text} (#17 or 17), or a one-line error. */
    static InFlight inFlight(LabCommand cmd, String text) {
        long id = messageId(text);
        InFlight m = cmd.cluster().message(id);
        if (m == null) {
            throw new LabException("no message #" + id + " in flight; `msgs` lists them");
        }
        return m;
    }

    @Command(name = "deliver", description = "Deliver the chosen messages now, in the order given (that is how to "
            + "reorder).")
    static final class Deliver extends Selecting {
        @Override
        public void run() {
            forEachChosen("deliver", m -> cluster().deliver(m));
        }
    }

    @Command(name = "drop", description = "Remove the chosen messages from the network.")
    static final class Drop extends Selecting {
        @Override
        public void run() {
            forEachChosen("drop", m -> cluster().dropByUser(m));
        }
    }

    @Command(name = "dup", description = "Put a second copy of message ID in flight.")
    static final class Dup extends LabCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "message id, as `msgs` shows it")
        String id;

        @Override
        public void run() {
            InFlight m = inFlight(this, id);
            InFlight copy = cluster().duplicate(m);
            out().line("duplicated as " + copy.describe());
        }
    }

    @Command(name = "delay", description = "Make message ID arrive MS milliseconds later than it would.")
    static final class Delay extends LabCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "message id, as `msgs` shows it")
        String id;
        @Parameters(index = "1", paramLabel = "MS", description = "extra delay, ms")
        long ms;

        @Override
        public void run() {
            InFlight m = inFlight(this, id);
            if (ms < 0) {
                throw new LabException("delay takes 0 or more ms, not " + ms);
            }
            cluster().delay(m, ms);
            out().line("#" + m.id + " now due@" + cluster().message(m.id).dueAt());
        }
    }

    @Command(name = "hold", description = "With hold on, time passing delivers no message: they wait for `deliver`. "
            + "Timers still fire.")
    static final class Hold extends LabCommand {
        @Parameters(index = "0", paramLabel = "on|off", description = "on: messages wait for deliver; off: time delivers them")
        String onOff;

        @Override
        public void run() {
            cluster().setHold(OnOff.parse(onOff, "hold"));
            out().line("hold " + (cluster().hold() ? "on" : "off"));
        }
    }

    @Command(name = "stabilize", description = "Deliver messages, and the messages they cause, until none is in flight;"
            + " the clock does not move and no timer fires but a batching leader's flush, which sends what was proposed"
            + " in this instant.")
    static final class Stabilize extends LabCommand {
        static final int LIMIT = 100_000;

        @Override
        public void run() {
            int n;
            try {
                n = cluster().stabilize(LIMIT);
            } catch (IllegalStateException e) {
                throw new LabException("still not stable after " + LIMIT + " deliveries (a message storm?); `msgs` shows"
                        + " what is in flight");
            }
            out().line("stable after " + Text.count(n, "delivery", "deliveries"));
        }
    }

    @Command(name = "stats", description = "Messages sent, delivered, dropped and duplicated, by type and by node (sent and"
            + " duplicated count the sender, delivered and dropped the receiver).")
    static final class StatsCommand extends LabCommand {
        @Override
        public void run() {
            Stats s = cluster().stats();
            out().line("messages: sent " + s.sent() + ", delivered " + s.delivered() + ", dropped " + s.dropped()
                    + ", duplicated " + s.duplicated() + ", in flight " + cluster().inFlight().size());
            Table byType = new Table("type", "sent", "delivered", "dropped", "duplicated").alignRight(1, 2, 3, 4);
            for (Map.Entry<String, long[]> e : s.byType().entrySet()) {
                byType.row(cells(e.getKey(), e.getValue()));
            }
            byType.render(out());
            // Per node, sent and duplicated count the sender, delivered and dropped the receiver: the headers say so.
            Table byNode = new Table("node", "sent by", "delivered to", "dropped to", "duplicated by")
                    .alignRight(1, 2, 3, 4);
            for (Map.Entry<Integer, long[]> e : s.byNode().entrySet()) {
                byNode.row(cells("n" + e.getKey(), e.getValue()));
            }
            byNode.render(out());
        }

        private static String[] cells(String name, long[] c) {
            return new String[] {name, String.valueOf(c[Stats.SENT]), String.valueOf(c[Stats.DELIVERED]),
                String.valueOf(c[Stats.DROPPED]), String.valueOf(c[Stats.DUPLICATED])};
        }
    }

    @Command(name = "verbose", description = "How much to print as it happens: `on` adds every send, delivery and "
            + "drop; `off` (the default) prints state changes; `terse` only role changes, truncations, client "
            + "results and network changes. `events` always has everything.")
    static final class Verbose extends LabCommand {
        @Parameters(index = "0", paramLabel = "on|off|terse", description = "how much to print as it happens")
        String level;

        @Override
        public void run() {
            switch (level) {
                case "on":
                case "off":
                case "terse":
                    lab.setVerbosity(level);
                    out().line("verbose " + level);
                    break;
                default:
                    throw new LabException("verbose takes on, off or terse, not '" + level + "'");
            }
        }
    }
}
