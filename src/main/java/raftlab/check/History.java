package raftlab.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import raftlab.check.linear.OpKind;
import raftlab.check.linear.Operation;
import raftlab.check.linear.Outcome;
import raftlab.check.linear.text.HistoryWriter;
import raftlab.raft.ClientReply;
import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.sim.ClientOp;
import raftlab.sim.SimListener;

/**
 * The client history of a run: every operation's invocation and completion (ok, fail or unknown) in virtual time,
 * as the linearizability checker reads it. Operations of a {@link Workload} are recorded by the workload; requests
 * typed by the user ({@code put}, {@code get}...) are recorded here, as client 0, from the replies they get.
 */
public final class History implements SimListener {
    /** One operation while it is being recorded. */
    public static final class Op {
        final int id;
        final int client;
        final OpKind kind;
        final String key;
        final String value;
        /** For a CAS, the value it expects; else null. */
        final String expected;
        final long invokedAt;
        long completedAt = Operation.IN_FLIGHT;
        Outcome outcome = Outcome.OK;
        String output;

        Op(int id, int client, OpKind kind, String key, String value, String expected, long invokedAt) {
            this.id = id;
            this.client = client;
            this.kind = kind;
            this.key = key;
            this.value = value;
            this.expected = expected;
            this.invokedAt = invokedAt;
        }

        Operation toOperation() {
            return new Operation(id, client, kind, key, value, invokedAt, completedAt, outcome, output, expected);
        }
    }

    private final List<Op> ops = new ArrayList<>();
    private final HashMap<Long, Op> userRequests = new HashMap<>();
    /**
     * The user's operations sent with a client session, by (client, seq): every retry of one is the same operation,
     * invoked once (at its first attempt) and completed once (when the client has its answer), so that an operation
     * applied twice is one the checker sees applied twice.
     */
    private final HashMap<Long, Op> userSessions = new HashMap<>();
    /** Every workload that recorded here, stopped ones included: late replies to their attempts are theirs. */
    private final List<Workload> workloads = new ArrayList<>();

    void setWorkload(Workload w) {
        workloads.add(w);
    }

    private Workload owner(long requestId) {
        for (int i = workloads.size() - 1; i >= 0; i--) {
            if (workloads.get(i).claims(requestId)) {
                return workloads.get(i);
            }
        }
        return null;
    }

    /** Records the invocation of an operation; complete it with {@link #complete}. */
    public Op invoke(int client, OpKind kind, String key, String value, long time) {
        return invoke(client, kind, key, value, null, time);
    }

    /** As {@link #invoke(int, OpKind, String, String, long)}, for a CAS that expects {@code expected}. */
    public Op invoke(int client, OpKind kind, String key, String value, String expected, long time) {
        Op op = new Op(ops.size() + 1, client, kind, key, value, expected, time);
        ops.add(op);
        return op;
    }

    /** Records what the client learned: OK (with the value read, for a get), FAIL or UNKNOWN. */
    public void complete(Op op, Outcome outcome, String output, long time) {
        op.outcome = outcome;
        op.output = output;
        op.completedAt = outcome == Outcome.UNKNOWN ? Operation.IN_FLIGHT : time;
    }

    public int size() {
        return ops.size();
    }

    /** The history as the checker takes it; operations still waiting count as unknown. */
    public List<Operation> operations() {
        List<Operation> out = new ArrayList<>(ops.size());
        for (Op op : ops) {
            out.add(op.toOperation());
        }
        return out;
    }

    /** The last {@code last} operations (all if last <= 0), one line each, with a still-pending one marked. */
    public List<String> lines(int last) {
        List<String> out = new ArrayList<>();
        int from = last <= 0 ? 0 : Math.max(0, ops.size() - last);
        for (int i = from; i < ops.size(); i++) {
            out.add(HistoryWriter.labLine(ops.get(i).toOperation()));
        }
        return out;
    }

    /** The history's kind of a client command, or null for a leader's no-op (not a client operation). */
    static OpKind kindOf(CommandKind k) {
        return switch (k) {
            case PUT -> OpKind.PUT;
            case GET -> OpKind.GET;
            case APPEND -> OpKind.APPEND;
            case DELETE -> OpKind.DELETE;
            case CAS -> OpKind.CAS;
            case NOOP, CONFIG -> null;
        };
    }

    /**
     * What an OK answer means for the history: a CAS that found another value than it expected was applied but
     * changed nothing, which the checker's model calls a failed CAS; everything else succeeded.
     */
    static Outcome okOutcome(Command c, String value) {
        return c.kind() == CommandKind.CAS && !java.util.Objects.equals(value, c.expected()) ? Outcome.FAIL : Outcome.OK;
    }

    /** What the history keeps of an OK answer: the value a get read (null for anything else). */
    static String okOutput(Command c, String value) {
        return c.kind() == CommandKind.GET ? value : null;
    }

    // ---------------------------------------------------------------------------------------------- listening

    @Override
    public void clientReply(long time, ClientOp op, ClientReply reply) {
        Workload w = owner(op.requestId());
        if (w != null) {
            w.onReply(time, op, reply);
            return;
        }
        Op h = userOp(op);
        if (h == null || h.completedAt != Operation.IN_FLIGHT) {
            return; // not a client operation, or one already answered (a second answer to a retry)
        }
        boolean retried = op.command().hasSession(); // the user's client retries until it has a final answer
        Outcome outcome = switch (reply.status()) {
            case ACCEPTED -> null; // the final answer comes later
            case OK -> okOutcome(op.command(), reply.value());
            case REDIRECT, FAILED -> retried ? null : Outcome.FAIL;
            case UNKNOWN -> retried ? null : Outcome.UNKNOWN; // the leader stepped down: the entry may yet be committed
        };
        if (outcome != null) {
            complete(h, outcome, outcome == Outcome.OK ? okOutput(op.command(), reply.value()) : null, time);
        }
    }

    /**
     * A user's request sent over the network is invoked when its first attempt leaves, whatever becomes of that
     * attempt's answer (a workload records its own operations).
     */
    @Override
    public void clientSent(long time, ClientOp op) {
        if (owner(op.requestId()) == null) {
            userOp(op);
        }
    }

    @Override
    public void clientLost(long time, ClientOp op, String why) {
        Workload w = owner(op.requestId());
        if (w != null) {
            w.onLost(time, op);
            return;
        }
        Op h = userOp(op);
        if (h != null) {
            complete(h, Outcome.UNKNOWN, null, time);
        }
    }

    private Op userOp(ClientOp op) {
        Command c = op.command();
        OpKind kind = kindOf(c.kind());
        if (kind == null) {
            return null;
        }
        if (c.hasSession()) {
            return userSessions.computeIfAbsent((long) c.client() << 40 ^ c.seq(), k -> invoke(c.client(), kind,
                    c.key(), c.value(), c.expected(), op.invokedAt()));
        }
        return userRequests.computeIfAbsent(op.requestId(), id -> invoke(0, kind, c.key(), c.value(), c.expected(),
                op.invokedAt()));
    }
}
