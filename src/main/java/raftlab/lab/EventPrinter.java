package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

import raftlab.raft.ClientReply;
import raftlab.raft.NodeEvent;
import raftlab.sim.ClientOp;
import raftlab.sim.InFlight;
import raftlab.sim.SimListener;

/**
 * Turns what the simulation reports into the lines a learner reads, each stamped with its virtual time, and keeps
 * them for {@code events}. Lines go to whichever command's output is current.
 */
final class EventPrinter implements SimListener {
    private final List<LoggedEvent> history = new ArrayList<>();
    private Output out;
    private boolean verbose;
    /** Requests whose replies are printed only when verbose: those of simulated clients, which are many. */
    private java.util.function.LongPredicate quietRequest = id -> false;
    private boolean terse;

    void target(Output out) {
        this.out = out;
    }

    void quietRequests(java.util.function.LongPredicate p) {
        quietRequest = p;
    }

    void verbose(boolean on) {
        verbose = on;
    }

    /** Terse: print only role changes, truncations, client results and lab events; all are still logged. */
    void terse(boolean on) {
        terse = on;
    }

    List<LoggedEvent> history() {
        return history;
    }

    static String stamp(long time) {
        return "[" + time + "ms] ";
    }

    private void emit(long time, int node, String kind, String text) {
        String line = stamp(time) + text;
        history.add(new LoggedEvent(time, node, kind, line));
        if (terse && (kind.equals("commit") || kind.equals("apply") || kind.equals("vote"))) {
            return;
        }
        if (out != null) {
            out.line(line);
        }
    }

    /** A line from the lab itself (crash, restart...), logged like a node event. */
    void note(long time, int node, String kind, String text) {
        emit(time, node, kind, text);
    }

    @Override
    public void nodeEvent(long time, NodeEvent e) {
        emit(time, e.node(), e.kind().label(), "n" + e.node() + " " + e.describe());
    }

    @Override
    public void clientReply(long time, ClientOp op, ClientReply r) {
        if (!verbose && quietRequest.test(op.requestId())) {
            return;
        }
        String who = "client #" + op.requestId() + " " + describe(op) + session(op);
        String text = switch (r.status()) {
            case ACCEPTED -> who + " -> n" + op.node() + ": accepted at index " + r.index();
            case OK -> who + ": ok at " + (r.why() != null ? r.why() : "index " + r.index())
                    + switch (op.command().kind()) {
                case GET -> r.value() == null ? ", absent" : ", value " + quoteValue(r.value());
                case CAS -> java.util.Objects.equals(r.value(), op.command().expected())
                        ? ", " + op.command().key() + " held " + quoteValue(r.value()) + ": set"
                        : ", but " + op.command().key() + " held " + (r.value() == null ? "nothing" : quoteValue(r.value()))
                        + ": unchanged";
                default -> "";
            };
            case REDIRECT -> who + " -> n" + op.node() + ": refused, " + r.why() + "; "
                    + (r.leaderHint() == 0 ? "it knows no leader" : "it points to n" + r.leaderHint());
            case FAILED -> who + ": failed, " + r.why();
            case UNKNOWN -> who + ": outcome unknown, " + r.why() + "; ask another node";
        };
        emit(time, 0, "client", text);
    }

    /**
     * A request sent over the network: the shell's own (client c0) prints each attempt; a retry says so, naming the
     * attempt it follows (which went unanswered, or was refused).
     */
    @Override
    public void clientSent(long time, ClientOp op) {
        if (!verbose && quietRequest.test(op.requestId())) {
            return;
        }
        var c = op.command();
        long key = (long) c.client() << 40 ^ c.seq();
        Long before = lastAttempt.put(key, op.requestId());
        emit(time, 0, "client", "c" + c.client() + " sends " + describe(op) + " (seq " + c.seq() + ") to n" + op.node()
                + " as request #" + op.requestId() + (before == null ? "" : ", again (after #" + before + ")"));
    }

    /** The latest attempt of each (client, seq) printed so far, so that a retry can name the one before it. */
    private final java.util.HashMap<Long, Long> lastAttempt = new java.util.HashMap<>();

    /** {@code  (c0 seq 2)} for a request with a client session, else nothing. */
    private static String session(ClientOp op) {
        var c = op.command();
        return c.hasSession() ? " (c" + c.client() + " seq " + c.seq() + ")" : "";
    }

    @Override
    public void clientLost(long time, ClientOp op, String why) {
        if (!verbose && quietRequest.test(op.requestId())) {
            return;
        }
        emit(time, 0, "client", "client #" + op.requestId() + " " + describe(op) + ": outcome unknown, " + why);
    }

    @Override
    public void sent(long time, InFlight m) {
        if (verbose) {
            emit(time, m.message.from(), "send", "send " + m.describe());
        }
    }

    @Override
    public void delivered(long time, InFlight m) {
        if (verbose) {
            emit(time, m.message.to(), "deliver", "deliver " + m.describe());
        }
    }

    @Override
    public void dropped(long time, InFlight m, String why) {
        if (verbose) {
            emit(time, m.message.to(), "drop", "drop " + m.describe() + ": " + why);
        }
    }

    /** A client's request as `log` shows it: values with spaces quoted, so that the line reads one way only. */
    private static String describe(ClientOp op) {
        return LogView.describe(op.command(), CLIENT_VALUE);
    }

    /** Longest key or value an event line shows: more than a log cell, still one line. */
    static final int CLIENT_VALUE = 60;

    static String quoteValue(String v) {
        return "\"" + v + "\"";
    }
}
