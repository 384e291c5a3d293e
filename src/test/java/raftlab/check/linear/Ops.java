package raftlab.check.linear;

/** Short constructors for hand-written histories; ids must be unique within a test. */
final class Ops {
    private Ops() {
    }

    static Operation put(int id, int c, String key, String v, long inv, long comp) {
        return new Operation(id, c, OpKind.PUT, key, v, inv, comp, Outcome.OK, null);
    }

    static Operation append(int id, int c, String key, String v, long inv, long comp) {
        return new Operation(id, c, OpKind.APPEND, key, v, inv, comp, Outcome.OK, null);
    }

    static Operation delete(int id, int c, String key, long inv, long comp) {
        return new Operation(id, c, OpKind.DELETE, key, null, inv, comp, Outcome.OK, null);
    }

    static Operation get(int id, int c, String key, String out, long inv, long comp) {
        return new Operation(id, c, OpKind.GET, key, null, inv, comp, Outcome.OK, out);
    }

    static Operation unknown(Operation op) {
        return with(op, Outcome.UNKNOWN);
    }

    static Operation fail(Operation op) {
        return with(op, Outcome.FAIL);
    }

    static Operation with(Operation op, Outcome outcome) {
        return op.withOutcome(outcome);
    }

    static Operation withOutput(Operation op, String output) {
        return new Operation(op.id(), op.client(), op.kind(), op.key(), op.value(),
                op.invokedAt(), op.completedAt(), op.outcome(), output, op.expected());
    }
}
