package raftlab.check.linear.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import raftlab.check.linear.OpKind;
import raftlab.check.linear.Operation;
import raftlab.check.linear.Outcome;

/**
 * Writes a history in each {@link HistoryFormat}, so that {@code history --save} and {@link HistoryText} round-trip,
 * and tests and the benchmark can give the reader histories in Jepsen's formats.
 */
public final class HistoryWriter {
    private HistoryWriter() {
    }

    /** One line of the lab's {@code history}: {@code #3 c1 put(x, "1") ok [10, 20]}, an unanswered one marked. */
    public static String labLine(Operation op) {
        boolean waiting = op.outcome() != Outcome.UNKNOWN && op.completedAt() == Operation.IN_FLIGHT;
        return "#" + op.id() + " " + op + (waiting ? " (no answer yet)" : "");
    }

    /** The lab's format, one line per operation, in the given order. */
    public static List<String> lab(List<Operation> ops) {
        List<String> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(labLine(op));
        }
        return out;
    }

    /** One EDN map per event: the client is the process, a key other than the register is {@code :key}. */
    public static List<String> edn(List<Operation> ops) {
        List<String> out = new ArrayList<>();
        for (Event e : events(ops)) {
            Operation op = e.op;
            StringBuilder sb = new StringBuilder("{:process ").append(op.client()).append(", :type :").append(e.type)
                    .append(", :f :").append(f(op, true));
            if (!op.key().equals(JepsenEvents.REGISTER)) {
                sb.append(", :key ").append(edn(op.key()));
            }
            String value = value(op, e.type);
            if (value != null) {
                sb.append(", :value ").append(value);
            }
            out.add(sb.append('}').toString());
        }
        return out;
    }

    /** Jepsen's log lines for a register (every operation's key is taken to be the register's). */
    public static List<String> jepsenLog(List<Operation> ops) {
        List<String> out = new ArrayList<>();
        for (Event e : events(ops)) {
            String value = value(e.op, e.type);
            out.add("INFO  jepsen.util - " + e.op.client() + "\t:" + e.type + "\t:" + f(e.op, false) + "\t"
                    + (value == null ? "nil" : value));
        }
        return out;
    }

    private record Event(long time, boolean invoke, Operation op, String type) {
    }

    /**
     * Invocations and completions in time order (at equal times invocations first, so touching operations stay
     * concurrent, as the lab's checker treats them). An unknown outcome is reported ({@code :info}) just before its
     * client's next invocation, or at the end: where does not matter, since it constrains nothing.
     */
    private static List<Event> events(List<Operation> ops) {
        List<Event> events = new ArrayList<>();
        Map<Integer, List<Operation>> byClient = new HashMap<>();
        for (Operation op : ops) {
            byClient.computeIfAbsent(op.client(), c -> new ArrayList<>()).add(op);
        }
        for (List<Operation> mine : byClient.values()) {
            mine.sort(Comparator.comparingLong(Operation::invokedAt).thenComparingInt(Operation::id));
            for (int i = 0; i < mine.size(); i++) {
                Operation op = mine.get(i);
                events.add(new Event(op.invokedAt(), true, op, "invoke"));
                if (op.outcome() == Outcome.UNKNOWN) {
                    long at = i + 1 < mine.size() ? mine.get(i + 1).invokedAt() : Long.MAX_VALUE;
                    events.add(new Event(at, true, op, "info"));
                } else if (op.completedAt() != Operation.IN_FLIGHT) {
                    events.add(new Event(op.completedAt(), false, op, op.outcome() == Outcome.OK ? "ok" : "fail"));
                }
            }
        }
        // An :info shares its time with the next invocation of its client and must come first: it is marked as an
        // invocation-time event, and at one time and kind the earlier operation goes first.
        events.sort(Comparator.comparingLong(Event::time).thenComparing(e -> !e.invoke)
                .thenComparingLong(e -> e.op.invokedAt()).thenComparingInt(e -> e.op.id())
                .thenComparing(e -> e.type.equals("invoke")));
        return events;
    }

    private static String f(Operation op, boolean kv) {
        boolean register = !kv || op.key().equals(JepsenEvents.REGISTER);
        return switch (op.kind()) {
            case GET -> register ? "read" : "get";
            case PUT -> register ? "write" : "put";
            case CAS -> "cas";
            case APPEND -> "append";
            case DELETE -> "delete";
        };
    }

    /** The event's {@code :value}: the argument at invocation, what a read returned at :ok; null for none. */
    private static String value(Operation op, String type) {
        return switch (op.kind()) {
            case GET -> type.equals("ok") ? edn(op.output()) : type.equals("invoke") ? "nil" : null;
            case CAS -> "[" + edn(op.expected()) + " " + edn(op.value()) + "]";
            case PUT, APPEND -> edn(op.value());
            case DELETE -> null;
        };
    }

    /** A value in EDN: a whole number as a number (Jepsen's registers hold numbers), anything else as a string. */
    static String edn(String v) {
        if (v == null) {
            return "nil";
        }
        if (v.matches("-?(0|[1-9]\\d{0,17})")) {
            return v;
        }
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\r", "\\r") + '"';
    }
}
