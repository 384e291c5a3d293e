package raftlab.check;


import raftlab.check.linear.OpKind;
import raftlab.check.linear.Outcome;
import raftlab.raft.ClientReply;
import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.raft.ReadMode;
import raftlab.sim.ClientOp;
import raftlab.sim.Cluster;
import raftlab.sim.SimRandom;

/**
 * Simulated clients: each issues one random put, get, append or cas at a time on one of K keys, waits for the answer
 * in virtual time, and records every operation in a {@link History}.
 *
 * <p>Clients are endpoints of the virtual network ({@code c1}, {@code c2}...): a request travels to a node as a
 * message on the client's own link, and the node's answer travels back, so either can be held, lost, duplicated or
 * delayed like any message. Every operation carries the client's id and a sequence number, the same on every attempt,
 * so the state machine applies it once however often it arrives ({@link raftlab.raft.KvStore}). A client sends to
 * the node it believes leads; a refusal sends it to the leader named in it (or the next node), and an attempt not
 * answered within {@link #TIMEOUT} ms (lost on the way there or back, or held by a node that crashed or stepped
 * down) is sent again, to the next node. The operation is recorded once, invoked at its first attempt and completed
 * when an answer to any of its attempts arrives; one never answered stays in flight (outcome unknown). Each client
 * draws from a stream of its own derived from the cluster's seed ({@link Streams}), so the clients are as repeatable
 * as the cluster and draw nothing from the cluster's streams or from each other's.
 */
public final class Workload {
    /** How long a client waits for an answer before it sends the operation again, in virtual ms. */
    public static final long TIMEOUT = 500;
    /** Pause before resending after a refusal, so that a leaderless cluster is not flooded. */
    static final long BACKOFF = 10;

    private final Cluster cluster;
    private final History history;
    private final int keys;
    private final double rate;
    private final Client[] clients;
    /**
     * The client of each of this workload's attempts, by request id (the cluster hands out ids 1, 2, ... so an array
     * indexed by id serves, without boxing a key per message); null for ids that are not this workload's.
     */
    private Client[] byRequest = new Client[64];
    /** The key names k1..kK, made when first drawn. */
    private final String[] keyNames;
    private Client submitting;
    private boolean stopped;
    private boolean draining;

    private final class Client {
        /** The client's number in the history (1..count). */
        final int id;
        /** Its client id in the cluster's sessions and on the network ({@code c<session>}): unique per cluster. */
        final int session;
        /** The node the client believes leads: where its next attempt goes. */
        int target;
        /**
         * Where the client goes round on its own when no one names a leader: a cursor over the nodes that moves on
         * from where it last stood, not from the last target. Advancing from the target instead, a client told "no
         * leader" by a node that another node names as leader went back and forth between the two for ever (explore
         * found a learner added by a stale leader, and so never told of the real one, pointing at that removed leader).
         */
        int cursor;
        int seq;
        History.Op op;
        /** The operation under way, with its session fields; each attempt sends it with a request id of its own. */
        Command command;
        /** This client's own random stream: how one client draws does not change what another does. */
        final SimRandom random;
        /**
         * The value this client last saw or wrote per key, by key number (null: unknown): what its cas expects, so
         * that some succeed.
         */
        final String[] seen = new String[keys + 1];
        /** The key number of the operation under way ({@link #command}'s key). */
        int key;
        /**
         * Where an operation goes first: a stream of its own, drawn from only when gets skip the log, so that every
         * other draw is as it was. {@link #roamTo}: the node the current operation goes to first, or 0.
         */
        final SimRandom roamRandom;
        int roamTo;
        /** The request id of the attempt in flight, or 0. */
        long attempt;
        /** Whether an operation is under way (from its first attempt until an answer that ends it). */
        boolean busy;
        /** While draining: whether the client has begun its final write. */
        boolean finalWrite;

        Client(int id, int session, SimRandom random, SimRandom roamRandom) {
            this.id = id;
            this.session = session;
            this.roamRandom = roamRandom;
            this.random = random;
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
        this.keyNames = new String[keys + 1];
        history.setWorkload(this);
        for (int i = 0; i < count; i++) {
            Client c = new Client(i + 1, cluster.newClient(),
                    Streams.of(cluster.seed(), "workload " + salt + " client " + (i + 1)),
                    Streams.of(cluster.seed(), "workload " + salt + " client " + (i + 1) + " roams"));
            c.target = 1 + c.random.nextInt(cluster.size());
            c.cursor = c.target;
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
        CommandKind kind;
        int k;
        if (draining) {
            c.finalWrite = true;
            kind = CommandKind.PUT;
            k = 1;
        } else {
            int pick = c.random.nextInt(4);
            kind = pick == 0 ? CommandKind.PUT : pick == 1 ? CommandKind.GET : pick == 2 ? CommandKind.APPEND
                    : CommandKind.CAS;
            k = 1 + c.random.nextInt(keys);
            if (kind == CommandKind.CAS && c.seen[k] == null) {
                kind = CommandKind.GET; // a read-modify-write starts by reading: a cas needs a value to expect
            }
        }
        String key = keyName(k);
        c.key = k;
        c.seq++;
        String value = kind == CommandKind.GET ? null : c.id + "." + c.seq;
        Command command = kind == CommandKind.CAS ? Command.cas(key, c.seen[k], value, 0)
                : new Command(kind, key, value, 0);
        c.command = command.inSession(c.session, c.seq);
        if (cluster.config().settings().reads() != ReadMode.LOG && c.roamRandom.nextInt(2) == 0) {
            // Half the operations go to any node, as from a client behind a load balancer: a get there is a follower
            // read, anything else is refused with a pointer to the leader that node knows. Clients so spread find a
            // new leader as soon as its followers do, so a stale read by an old one shows (issue 11). Not with gets
            // in the log, so that the runs measured before reads existed stay as they were with --reads log.
            c.roamTo = 1 + c.roamRandom.nextInt(cluster.size());
        }
        c.busy = true;
        c.op = history.invoke(c.id, History.kindOf(kind), key, value, c.command.expected(), cluster.now());
        send(c);
    }

    private String keyName(int k) {
        String name = keyNames[k];
        if (name == null) {
            name = "k" + k;
            keyNames[k] = name;
        }
        return name;
    }

    /** The client whose attempt {@code requestId} is, or null. */
    private Client byRequest(long requestId) {
        return requestId >= 0 && requestId < byRequest.length ? byRequest[(int) requestId] : null;
    }

    /** Sends the operation under way as a new attempt, to the client's current target. */
    private void send(Client c) {
        if (stopped) {
            return;
        }
        c.attempt = 0;
        submitting = c;
        long rid;
        try {
            int target = c.roamTo != 0 ? c.roamTo : c.target;
            c.roamTo = 0; // only the first attempt: a retry goes where the client believes the leader is
            rid = cluster.sendRequest(c.session, target, c.command);
        } finally {
            submitting = null;
        }
        if (byRequest(rid) == null) {
            bind(c, rid);
        }
        long attempt = rid;
        cluster.at(cluster.now() + TIMEOUT, () -> timeout(c, attempt));
    }

    private void bind(Client c, long rid) {
        c.attempt = rid;
        if (rid >= byRequest.length) {
            if (rid >= Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("request id " + rid + " is beyond what a workload can track");
            }
            byRequest = java.util.Arrays.copyOf(byRequest, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max(rid + 1, 2L * byRequest.length)));
        }
        byRequest[(int) rid] = c;
    }

    /** Whether the request is one of this workload's attempts, without binding anything (for printers). */
    public boolean owns(long requestId) {
        return submitting != null || byRequest(requestId) != null;
    }

    /** Whether the request is one of this workload's attempts (binding the one being submitted right now). */
    boolean claims(long requestId) {
        if (byRequest(requestId) != null) {
            return true;
        }
        if (submitting != null) {
            bind(submitting, requestId);
            return true;
        }
        return false;
    }

    void onReply(long time, ClientOp attempt, ClientReply r) {
        Client c = byRequest(attempt.requestId());
        if (c == null || !c.busy || attempt.command().seq() != c.seq) {
            return; // an answer to an operation the client is done with
        }
        boolean current = c.attempt == attempt.requestId();
        switch (r.status()) {
            case ACCEPTED -> {
                // only a request handed to a node directly hears this; over the network only final answers travel
            }
            case OK -> { // an answer to any attempt of the operation is its answer: they are all one operation
                Outcome outcome = History.okOutcome(c.command, r.value());
                String output = History.okOutput(c.command, r.value());
                history.complete(c.op, outcome, output, time);
                remember(c, r.value());
                c.busy = false;
                c.attempt = 0;
                cluster.at(time + think(c), () -> next(c));
            }
            case REDIRECT -> {
                if (current) {
                    c.target = r.leaderHint() != 0 ? r.leaderHint() : nextOnItsOwn(c);
                    retry(c, time);
                }
            }
            case UNKNOWN -> { // the leader stepped down before deciding: ask another node (the same operation)
                if (current) {
                    c.target = nextOnItsOwn(c);
                    retry(c, time);
                }
            }
            case FAILED -> { // another entry took the attempt's index; it never takes effect there: try again
                if (current) {
                    retry(c, time);
                }
            }
        }
    }

    /** What the client knows of its key after an answer, for its next cas there. */
    private void remember(Client c, String value) {
        Command cmd = c.command;
        String[] seen = c.seen;
        int k = c.key;
        switch (cmd.kind()) {
            case PUT -> seen[k] = cmd.value();
            case GET -> {
                if (value != null) {
                    seen[k] = value;
                }
            }
            case CAS -> {
                if (java.util.Objects.equals(value, cmd.expected())) {
                    seen[k] = cmd.value();
                } else if (value != null) {
                    seen[k] = value;
                } else {
                    seen[k] = null;
                }
            }
            case APPEND, DELETE, NOOP -> seen[k] = null;
        }
    }

    /** A request handed to a node directly was lost with it (not one of this workload's, which travel the network). */
    void onLost(long time, ClientOp attempt) {
        Client c = byRequest(attempt.requestId());
        if (c != null && c.attempt == attempt.requestId()) {
            c.target = nextOnItsOwn(c);
            retry(c, time);
        }
    }

    /** The next node in the client's own round (see {@link Client#cursor}). */
    private int nextOnItsOwn(Client c) {
        c.cursor = c.cursor % cluster.size() + 1;
        return c.cursor;
    }

    private void timeout(Client c, long attempt) {
        if (c.attempt == attempt && !stopped) {
            // No answer: lost on the way there or back, or held by a node that crashed. Send it again elsewhere.
            c.target = nextOnItsOwn(c);
            retry(c, cluster.now());
        }
    }

    /**
     * Sends the same operation again (same client id and sequence number) after a short pause. Should an older
     * attempt's answer end the operation and the client start its next one within the pause, the resend goes out as
     * one more attempt of that next operation: harmless, since every attempt of an operation is the same command.
     */
    private void retry(Client c, long time) {
        c.attempt = 0;
        cluster.at(time + BACKOFF, () -> {
            if (!stopped && c.busy) {
                send(c);
            }
        });
    }
}
