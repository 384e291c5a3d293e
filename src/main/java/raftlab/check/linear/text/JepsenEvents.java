package raftlab.check.linear.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import raftlab.check.linear.OpKind;
import raftlab.check.linear.Operation;
import raftlab.check.linear.Outcome;

/**
 * Pairs Jepsen's events into operations, whichever text they came from (EDN maps or log lines). A process invokes an
 * operation and later completes it with {@code :ok} (it happened), {@code :fail} (it did not) or {@code :info} (its
 * outcome is unknown, and Jepsen gives the process a new number); an invocation with no completion by the end is
 * still in flight. Jepsen orders events by their place in the history, so an event's time is its position (0, 1,
 * 2...): one operation precedes another when its completion comes before the other's invocation.
 *
 * <p>The register's operations are {@code :read}, {@code :write} and {@code :cas} (value {@code [old new]}); with a
 * {@code :key} the key-value store's {@code :get}, {@code :put}, {@code :append} (and {@code :delete}) work too, and
 * read/write are get/put. Without a key, an operation touches the one register, named {@value #REGISTER}.
 */
final class JepsenEvents {
    static final String REGISTER = "register";

    private record Pending(int id, int line, int process, OpKind kind, String key, String value, String expected,
                           long invokedAt, String f) {
    }

    private final Map<Integer, Pending> pending = new LinkedHashMap<>();
    private final List<Operation> ops = new ArrayList<>();
    private long time;
    private int nextId = 1;

    /**
     * One event. {@code process} null means a process Jepsen does not check (the nemesis): the event is skipped.
     * {@code key} is null for the register.
     */
    void event(int line, Object process, Object type, Object f, Object key, Object value) throws HistorySyntaxError {
        if (!(process instanceof Edn.Num n) || !n.isInteger()) {
            if (process instanceof Edn.Keyword || process instanceof Edn.Symbol) {
                return; // :nemesis and other named processes are not clients
            }
            throw new HistorySyntaxError(line, "the process must be a whole number (or a name such as :nemesis), not "
                    + Edn.show(process));
        }
        int p;
        try {
            p = Integer.parseInt(n.text().replace("N", "").replace("+", ""));
        } catch (NumberFormatException big) {
            throw new HistorySyntaxError(line, "process number " + n.text() + " is too large");
        }
        String t = keyword(type, line, "type", ":invoke, :ok, :fail or :info");
        String fn = keyword(f, line, "f", ":read, :write, :cas, :get, :put, :append or :delete");
        long at = time++;
        if (t.equals("invoke")) {
            Pending before = pending.get(p);
            if (before != null) {
                throw new HistorySyntaxError(line, "process " + p + " invokes :" + fn + " while its :" + before.f
                        + " from line " + before.line + " has not completed");
            }
            OpKind kind = kindOf(fn, line);
            String k = key == null ? REGISTER : scalar(key, line, "key");
            String v = null;
            String expected = null;
            if (kind == OpKind.CAS) {
                if (!(value instanceof List<?> pair) || pair.size() != 2) {
                    throw new HistorySyntaxError(line, ":cas takes a value [old new], not " + Edn.show(value));
                }
                expected = scalar(pair.get(0), line, "value");
                v = scalar(pair.get(1), line, "value");
                if (v == null) {
                    throw new HistorySyntaxError(line, ":cas cannot set nil; its value is [old new]");
                }
            } else if (kind.hasValue()) {
                v = scalar(value, line, "value");
                if (v == null) {
                    throw new HistorySyntaxError(line, ":" + fn + " needs a value, not nil");
                }
            }
            pending.put(p, new Pending(nextId++, line, p, kind, k, v, expected, at, fn));
            return;
        }
        Pending op = pending.remove(p);
        if (op == null) {
            throw new HistorySyntaxError(line, "process " + p + " completes :" + fn + " (:" + t
                    + ") but has no operation in progress");
        }
        if (!op.f.equals(fn)) {
            throw new HistorySyntaxError(line, "process " + p + " completes :" + fn + " but invoked :" + op.f
                    + " on line " + op.line);
        }
        Outcome outcome = switch (t) {
            case "ok" -> Outcome.OK;
            case "fail" -> Outcome.FAIL;
            case "info" -> Outcome.UNKNOWN;
            default -> throw new HistorySyntaxError(line, "type :" + t + " is not one of :invoke, :ok, :fail or :info");
        };
        String output = null;
        if (outcome == Outcome.OK && op.kind == OpKind.GET) {
            output = scalar(value, line, "value");
        }
        ops.add(new Operation(op.id, op.process, op.kind, op.key, op.value, op.invokedAt,
                outcome == Outcome.UNKNOWN ? Operation.IN_FLIGHT : at, outcome, output, op.expected));
    }

    /** The operations so far, by id (invocation order); those still in flight count as such. */
    List<Operation> finish() {
        for (Pending op : pending.values()) {
            ops.add(new Operation(op.id, op.process, op.kind, op.key, op.value, op.invokedAt, Operation.IN_FLIGHT,
                    Outcome.OK, null, op.expected));
        }
        pending.clear();
        ops.sort(Comparator.comparingInt(Operation::id));
        return ops;
    }

    private static OpKind kindOf(String f, int line) throws HistorySyntaxError {
        return switch (f) {
            case "read", "get" -> OpKind.GET;
            case "write", "put" -> OpKind.PUT;
            case "cas" -> OpKind.CAS;
            case "append" -> OpKind.APPEND;
            case "delete" -> OpKind.DELETE;
            default -> throw new HistorySyntaxError(line, "operation :" + f + " is not one the checker knows; use :read,"
                    + " :write, :cas (a register) or :get, :put, :append, :delete (with a :key)");
        };
    }

    private static String keyword(Object v, int line, String field, String valid) throws HistorySyntaxError {
        if (v instanceof Edn.Keyword k) {
            return k.name();
        }
        throw new HistorySyntaxError(line, v == null ? "the event has no :" + field + " (" + valid + ")"
                : ":" + field + " must be a keyword (" + valid + "), not " + Edn.show(v));
    }

    /**
     * A value as the checker compares it: a string as it is, a number or keyword as written ({@code 3}, {@code :a}),
     * nil as null (absent). Collections are not values of a register or a key.
     */
    static String scalar(Object v, int line, String what) throws HistorySyntaxError {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Edn.Num || v instanceof Edn.Keyword || v instanceof Boolean || v instanceof Edn.Symbol) {
            return v.toString();
        }
        throw new HistorySyntaxError(line, "a " + what + " must be a number, string or keyword, not " + Edn.show(v));
    }
}
