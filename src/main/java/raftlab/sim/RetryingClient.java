package raftlab.sim;

import java.util.ArrayDeque;

import raftlab.raft.ClientReply;
import raftlab.raft.Command;

/**
 * The shell's own client when clients use the network ({@code cluster N --client-net}): client {@code c0}, which
 * sends each command the user types as a request over its own links and retries it, with the same client id and
 * sequence number, until a final answer arrives: after {@link #TIMEOUT} ms without one (to the next node), on a
 * refusal (to the leader it names, or the next node), and on "failed" or "outcome unknown". One operation at a time,
 * as a session needs (the state machine keeps only the last result per client): a command typed while one is under
 * way waits its turn. It hears answers as a {@link SimListener}.
 */
public final class RetryingClient implements SimListener {
    /** How long the client waits for an answer before it sends the request again, in virtual ms. */
    public static final long TIMEOUT = 500;
    /** Pause before resending after a refusal, so that a leaderless cluster is not flooded. */
    static final long BACKOFF = 10;

    private record Queued(Command command, int target) {
    }

    private final Cluster cluster;
    private final int client;
    private final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    private long seq;
    /** The operation under way (with its session fields), or null. */
    private Command current;
    private int target;
    /** Where the client goes round on its own when no one names a leader. */
    private int cursor;
    /** The request id of the attempt the client waits on, or 0 between attempts. */
    private long attempt;

    public RetryingClient(Cluster cluster, int client) {
        this.cluster = cluster;
        this.client = client;
    }

    public int client() {
        return client;
    }

    /**
     * Sends {@code command} to node {@code to} now, or queues it behind the operation under way. Returns the number
     * of operations ahead of it (0: sent now).
     */
    public int submit(Command command, int to) {
        if (current != null) {
            waiting.add(new Queued(command, to));
            return waiting.size();
        }
        start(command, to);
        return 0;
    }

    /** The operation under way, with its client id and sequence number, or null. */
    public Command current() {
        return current;
    }

    private void start(Command command, int to) {
        seq++;
        current = command.inSession(client, seq);
        target = to;
        cursor = to;
        send();
    }

    private void send() {
        long rid = cluster.sendRequest(client, target, current);
        attempt = rid;
        cluster.at(cluster.now() + TIMEOUT, () -> {
            if (attempt == rid) { // no answer: lost on the way there or back, or its node crashed
                target = nextOnItsOwn();
                send();
            }
        });
    }

    /**
     * The next node in the client's own round, moving on from where the round last stood rather than from the last
     * target, so that two nodes naming each other (or none) cannot keep it going back and forth (see Workload).
     */
    private int nextOnItsOwn() {
        cursor = cursor % cluster.size() + 1;
        return cursor;
    }

    private void retryLater() {
        attempt = 0;
        Command op = current;
        cluster.at(cluster.now() + BACKOFF, () -> {
            if (current == op) {
                send();
            }
        });
    }

    @Override
    public void clientReply(long time, ClientOp op, ClientReply r) {
        Command c = op.command();
        if (current == null || c.client() != client || c.seq() != current.seq()) {
            return; // another client's, or an answer to an operation already answered
        }
        boolean latest = op.requestId() == attempt;
        switch (r.status()) {
            case ACCEPTED -> {
                // not sent over the network
            }
            case OK -> { // an answer to any attempt is the operation's answer: they are one operation
                current = null;
                attempt = 0;
                Queued next = waiting.poll();
                if (next != null) {
                    start(next.command(), next.target());
                }
            }
            case REDIRECT -> {
                if (latest) {
                    target = r.leaderHint() != 0 ? r.leaderHint() : nextOnItsOwn();
                    retryLater();
                }
            }
            case UNKNOWN -> {
                if (latest) {
                    target = nextOnItsOwn();
                    retryLater();
                }
            }
            case FAILED -> {
                if (latest) {
                    retryLater();
                }
            }
        }
    }
}
