package raftlab.check;

import java.util.HashMap;

import raftlab.check.linear.OpKind;
import raftlab.check.linear.Outcome;
import raftlab.raft.ClientReply;
import raftlab.raft.CommandKind;
import raftlab.raft.ReadMode;
import raftlab.sim.Cluster;
import raftlab.sim.SimRandom;

/**
 * Simulated clients: each issues one random put, get or append at a time on one of K keys, waits for the answer in
 * virtual time, and records every operation in a {@link History}.
 *
 * <p>A client sends to the node it believes leads; a refusal with a leader hint sends it there (the attempt did not
 * take effect, so the operation goes on). An attempt not answered within {@link #TIMEOUT} ms, or held by a node that
 * crashes, may or may not have taken effect: the operation is recorded as unknown and the client retries it as a
 * new operation. Each client draws from a stream of its own derived from the cluster's seed ({@link Streams}), so
 * the clients are as repeatable as the cluster and draw nothing from the cluster's streams or from each other's.
 */
public final class Workload {
    /** How long a client waits for an answer before it gives up on an attempt, in virtual ms. */
    public static final long TIMEOUT = 500;
    /** Pause before resending after a refusal, so that a leaderless cluster is not flooded. */
    static final long BACKOFF = 10;

    private final Cluster cluster;
    private final History history;
    private final int keys;
    private final double rate;
    private final Client[] clients;
    private final HashMap<Long, Client> byRequest = new HashMap<>();
    private Client submitting;
    private boolean stopped;
    private boolean draining;

    private final class Client {
        final int id;
        int target;
        int seq;
        History.Op op;
        CommandKind kind;
        String key;
        String value;
        /** This client's own random stream: how one client draws does not change what another does. */
        final SimRandom random;
        /** The request id of the attempt in flight, or 0. */
        long attempt;
        /** Whether an operation is under way (from its first attempt until an answer that ends it). */
        boolean busy;
        /** While draining: whether the client has begun its final write. */
        boolean finalWrite;
        /**
         * Where an operation goes first: a stream of its own, drawn from only when gets skip the log, so that every
         * other draw is as it was. {@link #roamTo}: the node the current operation goes to first, or 0.
         */
        final SimRandom roamRandom;
        int roamTo;

        Client(int id, SimRandom random, SimRandom roamRandom) {
            this.id = id;
            this.random = random;
            this.roamRandom = roamRandom;
        }
    }

    /**
     * Starts {@code count} clients on {@code cluster}, recording into {@code history}.
     *
     * @param keys how many keys they share (k1..kK)
     * @param rate operations per virtual second each client aims at (it waits 0..2/rate s between them)
     * @param salt distinguishes the random streams of workloads started one after another on one cluster
     */
    public Workload(Cluster cluster, History history, int count, int keys, double rate, long salt) {
        if (count < 1 || keys < 1 || !(rate > 0)) {
            throw new IllegalArgumentException("a workload needs at least one client, one key and a positive rate");
        }
        this.cluster = cluster;
        this.history = history;
        this.keys = keys;
        this.rate = rate;
        this.clients = new Client[count];
        history.setWorkload(this);
        for (int i = 0; i < count; i++) {
            Client c = new Client(i + 1, Streams.of(cluster.seed(), "workload " + salt + " client " + (i + 1)),
                    Streams.of(cluster.seed(), "workload " + salt + " client " + (i + 1) + " roams"));
            c.target = 1 + c.random.nextInt(cluster.size());
            clients[i] = c;
            cluster.at(cluster.now() + think(c), () -> next(c));
        }
    }

    public int clients() {
        return clients.length;
    }

    /** Stops issuing operations. Attempts in flight stay unanswered in the history (outcome unknown). */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * Lets every client finish the operation it is on (retrying as usual), then make one final write, and start
     * nothing after it: how a run ends when it must show that every operation gets an answer. The final write is
     * what lets a leader that appends no no-op commit the entries earlier leaders left (it commits an earlier
     * term's entries only together with one of its own), so that the nodes can apply the same prefix.
     */
    public void drain() {
        draining = true;
        for (Client c : clients) {
            if (!c.busy) {
                cluster.at(cluster.now(), () -> next(c)); // idle, waiting to think: write now
            }
        }
    }

    /** How many clients are still waiting for the answer to an operation. */
    public int waiting() {
        int n = 0;
        for (Client c : clients) {
            if (c.busy) {
                n++;
            }
        }
        return n;
    }

    private long think(Client c) {
        return c.random.nextInt((int) Math.max(1, Math.round(2000 / rate)) + 1);
    }

    /** Begins a new random operation. */
    private void next(Client c) {
        if (stopped || (draining && c.finalWrite)) {
            return;
        }
        if (draining) {
            c.finalWrite = true;
            c.kind = CommandKind.PUT;
            c.key = "k1";
        } else {
            int pick = c.random.nextInt(3);
            c.kind = pick == 0 ? CommandKind.PUT : pick == 1 ? CommandKind.GET : CommandKind.APPEND;
            c.key = "k" + (1 + c.random.nextInt(keys));
        }
        c.seq++;
        c.value = c.kind == CommandKind.GET ? null : c.id + "." + c.seq;
        if (cluster.config().settings().reads() != ReadMode.LOG && c.roamRandom.nextInt(2) == 0) {
            // Half the operations go to any node, as from a client behind a load balancer: a get there is a follower
            // read, anything else is refused with a pointer to the leader that node knows. Clients so spread find a
            // new leader as soon as its followers do, so a stale read by an old one shows (issue 11). Not with gets
            // in the log, so that the runs measured before reads existed stay as they were with --reads log.
            c.roamTo = 1 + c.roamRandom.nextInt(cluster.size());
        }
        begin(c);
    }

    /** Records a new operation for the client's current intent and sends its first attempt. */
    private void begin(Client c) {
        c.busy = true;
        c.op = history.invoke(c.id, History.kindOf(c.kind), c.key, c.value, cluster.now());
        send(c);
    }

    private void send(Client c) {
        if (stopped) {
            return;
        }
        boolean roaming = c.roamTo != 0;
        int target = roaming ? c.roamTo : c.target;
        c.roamTo = 0; // only the first attempt: a retry goes where the client believes the leader is
        for (int i = 0; i < cluster.size() && !cluster.isUp(target); i++) {
            target = target % cluster.size() + 1;
        }
        if (!cluster.isUp(target)) {
            cluster.at(cluster.now() + TIMEOUT, () -> send(c)); // every node is down: wait
            return;
        }
        if (!roaming) {
            c.target = target;
        }
        c.attempt = 0;
        submitting = c;
        long rid;
        try {
            rid = cluster.submit(target, c.kind, c.key, c.value);
        } finally {
            submitting = null;
        }
        if (!byRequest.containsKey(rid)) {
            // No answer came during the submit: the node's answers wait for its disk write (--sync), so bind the
            // attempt now, or its later answer would belong to nobody.
            bind(c, rid);
        }
        long attempt = rid;
        cluster.at(cluster.now() + TIMEOUT, () -> timeout(c, attempt));
    }

    private void bind(Client c, long rid) {
        c.attempt = rid;
        byRequest.put(rid, c);
    }

    /** Whether the request is one of this workload's attempts, without binding anything (for printers). */
    public boolean owns(long requestId) {
        return submitting != null || byRequest.containsKey(requestId);
    }

    /** Whether the request is one of this workload's attempts (binding the one being submitted right now). */
    boolean claims(long requestId) {
        if (byRequest.containsKey(requestId)) {
            return true;
        }
        if (submitting != null) {
            bind(submitting, requestId);
            return true;
        }
        return false;
    }

    void onReply(long time, long requestId, ClientReply r) {
        Client c = byRequest.get(requestId);
        if (c == null || c.attempt != requestId) {
            return; // an attempt the client gave up on
        }
        // A switch expression, so that a new kind of reply does not compile until a client knows what to do with it.
        boolean answered = switch (r.status()) {
            case ACCEPTED -> false; // appended: the final answer comes when it is applied
            case OK -> {
                history.complete(c.op, Outcome.OK, c.kind == CommandKind.GET ? r.value() : null, time);
                c.busy = false;
                cluster.at(time + think(c), () -> next(c));
                yield true;
            }
            case REDIRECT -> {
                c.target = r.leaderHint() != 0 ? r.leaderHint() : c.target % cluster.size() + 1;
                cluster.at(time + BACKOFF, () -> send(c));
                yield true;
            }
            case UNKNOWN -> { // the leader stepped down before deciding: the outcome is unknown, as after a crash
                giveUp(c, time);
                yield false; // giveUp cleared the attempt
            }
            case FAILED -> { // another entry took the request's index; it never takes effect: try again
                cluster.at(time + BACKOFF, () -> send(c));
                yield true;
            }
        };
        if (answered) {
            c.attempt = 0;
        }
    }

    void onLost(long time, long requestId) {
        Client c = byRequest.get(requestId);
        if (c != null && c.attempt == requestId) {
            giveUp(c, time);
        }
    }

    private void timeout(Client c, long attempt) {
        if (c.attempt == attempt && !stopped) {
            giveUp(c, cluster.now());
        }
    }

    /** The attempt's fate is unknowable: record that, and retry the same request as a new operation elsewhere. */
    private void giveUp(Client c, long time) {
        history.complete(c.op, Outcome.UNKNOWN, null, time);
        c.attempt = 0;
        c.target = c.target % cluster.size() + 1;
        cluster.at(time + BACKOFF, () -> {
            if (!stopped) {
                begin(c);
            }
        });
    }
}
