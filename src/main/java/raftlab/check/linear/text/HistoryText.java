package raftlab.check.linear.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import raftlab.check.linear.OpKind;
import raftlab.check.linear.Operation;
import raftlab.check.linear.Outcome;

/**
 * Reads a history written as text, in any of the {@link HistoryFormat}s: the format is told from the first line that
 * is not blank or a comment ({@code #1 c1 ...} the lab's, <code>{</code> EDN, a line naming {@code jepsen.util} a
 * Jepsen log), and every line must then be of that format. Blank lines are skipped, and so are comments: {@code # }
 * lines in the lab's format, {@code ;} lines in EDN, and in a log every line that is not an operation.
 */
public final class HistoryText {
    private HistoryText() {
    }

    /** A history read from text. */
    public record Parsed(HistoryFormat format, List<Operation> operations) {
    }

    /** The history in {@code text}; a file with no operation at all is an empty history in the lab's format. */
    public static Parsed read(String text) throws HistorySyntaxError {
        String[] lines = text.split("\r?\n", -1);
        HistoryFormat format = null;
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("# ") || line.equals("#")) {
                continue;
            }
            if (line.startsWith("{")) {
                format = HistoryFormat.EDN;
            } else if (line.matches("#\\d.*")) {
                format = HistoryFormat.LAB;
            } else if (line.contains("jepsen.util")) {
                format = HistoryFormat.JEPSEN_LOG;
            } else if (!text.contains("jepsen.util")) {
                throw new HistorySyntaxError(lineNo, "not a history line; expected the lab's history (#1 c1 put(x, \"1\")"
                        + " ok [10, 20]), a Jepsen EDN map ({:process 0, :type :invoke, :f :write, :value 3}) or a"
                        + " Jepsen log line (INFO  jepsen.util - 3<TAB>:invoke<TAB>:write<TAB>4)");
            } else {
                format = HistoryFormat.JEPSEN_LOG; // a log's first lines may be about something else
            }
            break;
        }
        if (format == null) {
            return new Parsed(HistoryFormat.LAB, List.of());
        }
        return new Parsed(format, switch (format) {
            case LAB -> readLab(lines);
            case EDN -> readEdn(lines);
            case JEPSEN_LOG -> readLog(lines);
        });
    }

    // ------------------------------------------------------------------------------------------------ EDN

    private static final Edn.Keyword PROCESS = new Edn.Keyword("process");
    private static final Edn.Keyword TYPE = new Edn.Keyword("type");
    private static final Edn.Keyword F = new Edn.Keyword("f");
    private static final Edn.Keyword KEY = new Edn.Keyword("key");
    private static final Edn.Keyword VALUE = new Edn.Keyword("value");

    private static List<Operation> readEdn(String[] lines) throws HistorySyntaxError {
        JepsenEvents events = new JepsenEvents();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            Object v;
            try {
                v = Edn.read(line);
            } catch (Edn.SyntaxError e) {
                throw new HistorySyntaxError(i + 1, "not EDN: " + e.getMessage());
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw new HistorySyntaxError(i + 1, "expected one map per line, as {:process 0, :type :invoke, :f :write,"
                        + " :value 3}; found " + Edn.show(v));
            }
            if (!m.containsKey(PROCESS)) {
                throw new HistorySyntaxError(i + 1, "the event has no :process");
            }
            if (m.containsKey(KEY) && m.get(KEY) == null) {
                throw new HistorySyntaxError(i + 1, ":key is nil; name a key, or leave :key out for the register");
            }
            events.event(i + 1, m.get(PROCESS), m.get(TYPE), m.get(F), m.get(KEY), m.get(VALUE));
        }
        return events.finish();
    }

    // ------------------------------------------------------------------------------------------------ log

    private static List<Operation> readLog(String[] lines) throws HistorySyntaxError {
        JepsenEvents events = new JepsenEvents();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf("jepsen.util");
            if (at < 0) {
                continue;
            }
            String rest = line.substring(at + "jepsen.util".length()).strip();
            if (rest.startsWith("-") || rest.startsWith(":")) {
                rest = rest.substring(1).strip();
            }
            String[] fields = rest.split("\t", -1);
            if (fields.length < 3) {
                continue; // a log line about something else
            }
            if (fields.length > 4) {
                throw new HistorySyntaxError(i + 1, "expected process, type, f and value separated by tabs; found "
                        + fields.length + " fields");
            }
            Object[] parsed = new Object[4];
            String[] names = {"process", "type", "f", "value"};
            for (int k = 0; k < fields.length; k++) {
                try {
                    parsed[k] = Edn.read(fields[k]);
                } catch (Edn.SyntaxError e) {
                    throw new HistorySyntaxError(i + 1, "the " + names[k] + " field is not EDN: " + e.getMessage());
                }
            }
            events.event(i + 1, parsed[0], parsed[1], parsed[2], null, parsed[3]);
        }
        return events.finish();
    }

    // ------------------------------------------------------------------------------------------------ the lab's

    private static List<Operation> readLab(String[] lines) throws HistorySyntaxError {
        List<Operation> ops = new ArrayList<>();
        java.util.HashSet<Integer> ids = new java.util.HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("# ") || line.equals("#")) {
                continue;
            }
            Operation op = new LabLine(line, i + 1).operation();
            if (!ids.add(op.id())) {
                throw new HistorySyntaxError(i + 1, "operation #" + op.id() + " appears twice");
            }
            ops.add(op);
        }
        return ops;
    }

    /** One line of the lab's {@code history}: {@code #ID cC kind(KEY[, OLD][, "V"]) RESULT [INV, DONE]}. */
    private static final class LabLine {
        static final String SHAPE = "#ID cC kind(KEY, \"VALUE\") ok|fail|unknown|-> \"VALUE\"|-> absent [INVOKED, DONE]";
        private final String s;
        private final int line;
        private int pos;

        LabLine(String s, int line) {
            this.s = s;
            this.line = line;
        }

        private HistorySyntaxError error(String expected) {
            String found = pos >= s.length() ? "the end of the line" : "'" + s.charAt(pos) + "'";
            return new HistorySyntaxError(line, "expected " + expected + " at column " + (pos + 1) + ", found " + found
                    + "; a line of the lab's history reads " + SHAPE);
        }

        private void expect(String text) throws HistorySyntaxError {
            if (!s.startsWith(text, pos)) {
                throw error("'" + text + "'");
            }
            pos += text.length();
        }

        private boolean take(String text) {
            if (s.startsWith(text, pos)) {
                pos += text.length();
                return true;
            }
            return false;
        }

        private long number(String what) throws HistorySyntaxError {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error(what);
            }
            try {
                return Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error(what + " that fits in 64 bits");
            }
        }

        private String quoted() throws HistorySyntaxError {
            expect("\"");
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && pos < s.length()) {
                    char e = s.charAt(pos++);
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    sb.append(c);
                }
            }
            throw error("'\"' to close the value");
        }

        /** A quoted value, or {@code absent} (null). */
        private String valueOrAbsent() throws HistorySyntaxError {
            return take("absent") ? null : quoted();
        }

        Operation operation() throws HistorySyntaxError {
            expect("#");
            long id = number("the operation's number");
            expect(" c");
            long client = number("the client's number");
            expect(" ");
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String word = s.substring(start, pos);
            OpKind kind = null;
            for (OpKind k : OpKind.values()) {
                if (k.label().equals(word)) {
                    kind = k;
                }
            }
            if (kind == null) {
                pos = start;
                throw error("put, get, append, delete or cas");
            }
            expect("(");
            String key;
            if (pos < s.length() && s.charAt(pos) == '"') {
                key = quoted();
            } else {
                start = pos;
                while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ')') {
                    pos++;
                }
                key = s.substring(start, pos);
                if (key.isEmpty()) {
                    throw error("a key");
                }
            }
            String expected = null;
            String value = null;
            if (kind == OpKind.CAS) {
                expect(", ");
                expected = valueOrAbsent();
            }
            if (kind.hasValue()) {
                expect(", ");
                value = quoted();
            }
            expect(") ");
            Outcome outcome;
            String output = null;
            if (take("ok")) {
                outcome = Outcome.OK;
            } else if (take("fail")) {
                outcome = Outcome.FAIL;
            } else if (take("unknown")) {
                outcome = Outcome.UNKNOWN;
            } else if (kind == OpKind.GET && take("-> ")) {
                outcome = Outcome.OK;
                output = valueOrAbsent();
            } else {
                throw error(kind == OpKind.GET ? "-> \"VALUE\", -> absent, fail or unknown" : "ok, fail or unknown");
            }
            expect(" [");
            long invoked = number("the invocation time");
            expect(", ");
            long completed;
            if (take("?")) {
                if (outcome != Outcome.UNKNOWN) {
                    throw new HistorySyntaxError(line, "an operation with no completion time must be unknown");
                }
                completed = Operation.IN_FLIGHT;
            } else {
                completed = number("the completion time or ?");
                if (outcome == Outcome.UNKNOWN) {
                    throw new HistorySyntaxError(line, "an unknown operation has no completion time: write ? for it");
                }
            }
            expect("]");
            if (take(" (no answer yet)")) {
                outcome = Outcome.OK; // still in flight: the checker treats it as unknown, as the lab recorded it
            }
            if (pos != s.length()) {
                throw error("the end of the line");
            }
            if (id > Integer.MAX_VALUE || client > Integer.MAX_VALUE) {
                throw new HistorySyntaxError(line, "operation and client numbers must be below 2^31");
            }
            if (completed < invoked) {
                throw new HistorySyntaxError(line, "the operation completes (" + completed + ") before it is invoked ("
                        + invoked + ")");
            }
            return new Operation((int) id, (int) client, kind, key, value, invoked, completed, outcome, output,
                    expected);
        }
    }
}
