package raftlab.picture;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import raftlab.check.linear.CheckResult;
import raftlab.check.linear.Operation;
import raftlab.raft.Entry;

/**
 * The recorded window as one JSON document, for any program (and for the HTML player, which embeds it):
 * {@code start} (each node's state at the window's start), {@code changes}, {@code messages}, {@code events} and
 * {@code history} (client operations, the linearizability verdict and the ids of the failing part).
 */
public final class JsonExport {
    private JsonExport() {
    }

    public static String render(RunRecord r, List<Operation> ops, CheckResult verdict, String title) {
        Json j = new Json();
        j.open('{');
        j.field("title", title).field("nodes", r.nodes()).field("from", r.from()).field("to", r.to());
        j.field("cut", r.cutNote());
        j.key("start").open('[');
        for (int id = 1; id <= r.nodes(); id++) {
            NodeState s = r.start()[id];
            j.open('{').field("node", id).field("up", s.up()).field("role", s.role().name().toLowerCase())
                    .field("term", s.term()).field("commit", s.commit()).field("applied", s.applied());
            entries(j.key("log"), s.log());
            j.close('}');
        }
        j.close(']');
        j.key("changes").open('[');
        for (StateChange c : r.changes()) {
            j.open('{').field("time", c.time()).field("seq", c.seq()).field("node", c.node()).field("up", c.up())
                    .field("role", c.role().name().toLowerCase()).field("term", c.term())
                    .field("commit", c.commit()).field("applied", c.applied());
            if (c.logTail() != null) {
                j.field("logFrom", c.logFrom());
                entries(j.key("log"), c.logTail());
            }
            j.close('}');
        }
        j.close(']');
        j.key("messages").open('[');
        for (MessageRecord m : r.messages()) {
            j.open('{').field("id", m.id()).field("type", m.type()).field("from", m.from()).field("to", m.to())
                    .field("term", m.message().term()).field("label", MessageLabels.shortLabel(m.message()));
            j.key("fields").open('{');
            for (Map.Entry<String, String> f : MessageLabels.fields(m.message()).entrySet()) {
                j.key(f.getKey());
                scalar(j, f.getValue());
            }
            j.close('}');
            j.field("sentAt", m.sentAt()).field("sentSeq", m.sentSeq()).field("dueAt", m.dueAt())
                    .field("fate", m.fate().name().toLowerCase().replace('_', '-'));
            if (m.fate() != MessageFate.IN_FLIGHT) {
                j.field("endAt", m.endAt()).field("endSeq", m.endSeq());
            }
            if (m.why() != null) {
                j.field("why", m.why());
            }
            if (m.copyOf() != 0) {
                j.field("copyOf", m.copyOf());
            }
            j.close('}');
        }
        j.close(']');
        j.key("events").open('[');
        for (Happening h : r.happenings()) {
            j.open('{').field("time", h.time()).field("seq", h.seq()).field("node", h.node())
                    .field("kind", h.kind().label()).field("mark", String.valueOf(h.mark()))
                    .field("text", h.text()).close('}');
        }
        j.close(']');
        history(j.key("history"), ops, verdict);
        j.close('}');
        return j + "\n";
    }

    private static void entries(Json j, List<Entry> log) {
        j.open('[');
        for (Entry e : log) {
            j.open('{').field("term", e.term()).field("command", e.command().describe()).close('}');
        }
        j.close(']');
    }

    private static void history(Json j, List<Operation> ops, CheckResult verdict) {
        Set<Integer> failing = new HashSet<>();
        for (Operation op : verdict.counterexample()) {
            failing.add(op.id());
        }
        j.open('{').field("linearizable", verdict.linearizable()).field("inconclusive", verdict.inconclusive())
                .field("key", verdict.key()).field("verdict", verdict.describe());
        j.key("failing").open('[');
        for (Operation op : verdict.counterexample()) {
            j.value(op.id());
        }
        j.close(']');
        j.key("operations").open('[');
        for (Operation op : ops) {
            j.open('{').field("id", op.id()).field("client", op.client()).field("kind", op.kind().name().toLowerCase())
                    .field("key", op.key()).field("value", op.value()).field("invokedAt", op.invokedAt());
            j.key("completedAt");
            if (op.isUncertain() || op.completedAt() == Operation.IN_FLIGHT) {
                j.value((String) null);
            } else {
                j.value(op.completedAt());
            }
            j.field("outcome", op.isUncertain() ? "unknown" : op.outcome().name().toLowerCase())
                    .field("output", op.output()).field("text", op.toString())
                    .field("failing", failing.contains(op.id())).close('}');
        }
        j.close(']');
        j.close('}');
    }

    /** A field's value as a JSON number or boolean when it is one, else as a string. */
    private static void scalar(Json j, String v) {
        if (v.matches("-?\\d{1,18}")) {
            j.value(Long.parseLong(v));
        } else if (v.equals("true") || v.equals("false")) {
            j.value(Boolean.parseBoolean(v));
        } else {
            j.value(v);
        }
    }
}
