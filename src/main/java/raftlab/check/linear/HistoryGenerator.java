package raftlab.check.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Builds histories of a simulated, truly atomic key-value store, so they are linearizable by
 * construction: each operation takes effect at one random instant between its invocation and
 * its completion, and GETs report what the store held at that instant. Shared by the tests and
 * the benchmark.
 *
 * <p>Clients are sequential (a client invokes its next operation only after its previous one
 * completed) and run concurrently with each other. An UNKNOWN operation took effect with
 * probability 1/2, at some instant after its invocation that may be after the client gave up on
 * it, or never; a FAIL operation never took effect.
 */
public final class HistoryGenerator {
    private HistoryGenerator() {
    }

    /**
     * What to generate.
     *
     * @param ops            number of operations
     * @param clients        number of concurrent sequential clients
     * @param keys           number of keys, named k0, k1, ...
     * @param unknownRate    fraction of operations whose outcome is UNKNOWN
     * @param failRate       fraction of operations that FAIL
     * @param distinctValues if positive, PUT/APPEND values are drawn from this many small values
     *                       (more ambiguity, harder to check); otherwise every value is unique
     * @param cutOff         if true, each client's last operation is still in flight
     *                       ({@link Operation#IN_FLIGHT}) when the history ends
     * @param register       if true, one register (key {@code register}) with reads, writes and compare-and-sets of
     *                       small numbers, as Jepsen's register tests; {@code keys} and {@code distinctValues} are
     *                       then ignored
     */
    public record Config(int ops, int clients, int keys, double unknownRate, double failRate,
                         int distinctValues, boolean cutOff, boolean register) {
        public Config {
            if (ops < 0 || clients < 1 || keys < 1) {
                throw new IllegalArgumentException("need ops >= 0, clients >= 1, keys >= 1");
            }
        }

        /** A few UNKNOWN and FAIL operations, unique values, no cut-off. */
        public static Config of(int ops, int clients, int keys) {
            return new Config(ops, clients, keys, 0.002, 0.005, 0, false, false);
        }

        public Config withUnknownRate(double rate) {
            return new Config(ops, clients, keys, rate, failRate, distinctValues, cutOff, register);
        }

        public Config withFailRate(double rate) {
            return new Config(ops, clients, keys, unknownRate, rate, distinctValues, cutOff, register);
        }

        public Config withDistinctValues(int n) {
            return new Config(ops, clients, keys, unknownRate, failRate, n, cutOff, register);
        }

        public Config withCutOff(boolean c) {
            return new Config(ops, clients, keys, unknownRate, failRate, distinctValues, c, register);
        }

        /** One register of reads, writes and compare-and-sets (see {@link #register}). */
        public Config asRegister() {
            return new Config(ops, clients, 1, unknownRate, failRate, 5, cutOff, true);
        }
    }

    /** Shorthand for {@code generate(seed, Config.of(ops, clients, keys))}. */
    public static List<Operation> generate(long seed, int ops, int clients, int keys) {
        return generate(seed, Config.of(ops, clients, keys));
    }

    /** A linearizable history, ordered by id; the same seed and config give the same history. */
    public static List<Operation> generate(long seed, Config cfg) {
        Random rnd = new Random(seed);
        int n = cfg.ops();
        int[] client = new int[n];
        OpKind[] kind = new OpKind[n];
        String[] key = new String[n];
        String[] value = new String[n];
        String[] expected = new String[n];
        long[] invoked = new long[n];
        long[] completed = new long[n];
        Outcome[] outcome = new Outcome[n];
        long[] effectAt = new long[n];
        Arrays.fill(effectAt, -1); // -1: never took effect

        long[] freeAt = new long[cfg.clients()];
        int[] lastOp = new int[cfg.clients()];
        Arrays.fill(lastOp, -1);
        for (int c = 0; c < freeAt.length; c++) {
            freeAt[c] = rnd.nextInt(5);
        }
        for (int id = 0; id < n; id++) {
            // The client that has been idle longest goes next, so clients interleave.
            int c = 0;
            for (int k = 1; k < freeAt.length; k++) {
                if (freeAt[k] < freeAt[c]) {
                    c = k;
                }
            }
            client[id] = c;
            lastOp[c] = id;
            long duration = 1 + rnd.nextInt(20);
            invoked[id] = freeAt[c] + rnd.nextInt(4);
            completed[id] = invoked[id] + duration;
            freeAt[c] = completed[id] + 1;

            double k = rnd.nextDouble();
            if (cfg.register()) {
                kind[id] = k < 0.5 ? OpKind.GET : k < 0.8 ? OpKind.PUT : OpKind.CAS;
                key[id] = "register";
            } else {
                kind[id] = k < 0.5 ? OpKind.GET : k < 0.75 ? OpKind.PUT
                        : k < 0.9 ? OpKind.APPEND : OpKind.DELETE;
                key[id] = "k" + rnd.nextInt(cfg.keys());
            }
            int v = cfg.distinctValues() > 0 ? rnd.nextInt(cfg.distinctValues()) : id;
            if (kind[id] == OpKind.PUT || kind[id] == OpKind.CAS) {
                value[id] = Integer.toString(v);
            } else if (kind[id] == OpKind.APPEND) {
                value[id] = "|" + v;
            }
            if (kind[id] == OpKind.CAS) {
                expected[id] = Integer.toString(rnd.nextInt(cfg.distinctValues()));
            }

            double r = rnd.nextDouble();
            if (r < cfg.failRate()) {
                outcome[id] = Outcome.FAIL;
            } else if (r < cfg.failRate() + cfg.unknownRate()) {
                outcome[id] = Outcome.UNKNOWN;
                if (rnd.nextBoolean()) {
                    effectAt[id] = invoked[id] + rnd.nextInt((int) (3 * duration) + 1);
                }
            } else {
                outcome[id] = Outcome.OK;
                effectAt[id] = invoked[id] + rnd.nextInt((int) duration + 1);
            }
        }
        if (cfg.cutOff()) {
            for (int id : lastOp) {
                if (id >= 0 && outcome[id] != Outcome.FAIL) {
                    completed[id] = Operation.IN_FLIGHT;
                    outcome[id] = Outcome.OK;
                    effectAt[id] = rnd.nextBoolean() ? invoked[id] + rnd.nextInt(20) : -1;
                }
            }
        }

        // Replay the effects in instant order (ties by id) against a real map.
        List<Integer> order = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            if (effectAt[id] >= 0) {
                order.add(id);
            }
        }
        order.sort((a, b) -> effectAt[a] != effectAt[b]
                ? Long.compare(effectAt[a], effectAt[b]) : Integer.compare(a, b));
        String[] output = new String[n];
        TreeMap<String, String> store = new TreeMap<>();
        for (int id : order) {
            String cur = store.get(key[id]);
            if (kind[id] == OpKind.CAS && !java.util.Objects.equals(cur, expected[id])) {
                // The CAS found another value: it changed nothing, and a client that heard back was told so.
                if (outcome[id] == Outcome.OK && completed[id] != Operation.IN_FLIGHT) {
                    outcome[id] = Outcome.FAIL;
                }
                continue;
            }
            output[id] = kind[id] == OpKind.GET ? cur : null;
            String next = KvModel.apply(cur, kind[id], value[id]);
            if (next == null) {
                store.remove(key[id]);
            } else {
                store.put(key[id], next);
            }
        }

        List<Operation> history = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            boolean reported = outcome[id] == Outcome.OK && completed[id] != Operation.IN_FLIGHT;
            history.add(new Operation(id, client[id], kind[id], key[id], value[id], invoked[id],
                    completed[id], outcome[id], reported ? output[id] : null, expected[id]));
        }
        return history;
    }
}
