package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;

import raftlab.check.Streams;
import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.raft.Settings;
import raftlab.sim.Cluster;
import raftlab.sim.SimRandom;

/**
 * What explore's {@code stale-leader} faults do: leave a leader behind, cut off from the other nodes but not from the
 * clients, and ask it for a read once a new leader has taken a write. A lease read is safe only if no other leader
 * can be elected while the lease lasts; this fault makes the new leader as soon as the network and the clocks allow,
 * and puts a write and a read where a lease that breaks that promise answers stale. Random faults rarely do: the
 * stale window is tens of milliseconds, and random clients that wrote to the cut-off leader wait for it for
 * {@link raftlab.check.Workload#TIMEOUT} ms.
 *
 * <p>A fault goes in steps, each waiting for its moment ({@link Targeting}) and each recorded as the plain lab
 * commands it became, so a replay does exactly the same. Two ways to begin, drawn per fault:
 * <ul>
 *   <li>{@link #DRIFT}: at a moment a leader L has committed an entry of its term and reaches a majority, its clock
 *   runs slow and every other clock fast, each at an end of the range the drift bound allows ({@code skew}: the
 *   rates differ by less than {@link Settings#DEFAULT_MAX_DRIFT}), and L is cut off ({@code partition L rest}).
 *   A lease that forgets the drift ({@code lease-ignores-skew}) outlasts the others' patience.</li>
 *   <li>{@link #VOTE}: the link between L and one follower F is cut ({@code cut L F}); when F, hearing nothing,
 *   stands for election, L is cut off from everyone ({@code partition L rest}). The others heard from L just now, so
 *   with CheckQuorum they ignore F until their own timeouts, longer than L's lease; a voter that grants it anyway
 *   ({@code vote-despite-leader}) makes F leader while L's lease holds.</li>
 * </ul>
 * Then, once a leader N of a later term exists while L still leads, a write to N ({@code put k1 V --to N}); once N
 * has applied it, and from the next millisecond (an interval that touches another is concurrent with it), a read
 * from L ({@code get k1 --to L}). Both are ordinary requests, from a client outside the partition. Without a bug L's
 * lease has run out by then: the read waits for a round L cannot complete, and nothing stale is served.
 */
final class StaleLeaderFaults {
    static final String DRIFT = "drift";
    static final String VOTE = "vote";
    /** {@code candidate L F}: waiting for F to stand for election. */
    static final String CANDIDATE = "candidate";
    /** {@code write L}: waiting for a leader of a later term than L's, while L still leads. */
    static final String WRITE = "write";
    /** {@code applied L N I V}: waiting for N to apply the put of V, after its index I. */
    static final String APPLIED = "applied";
    /** {@code read L T}: waiting for a millisecond after T, while L still leads. */
    static final String READ = "read";
    /** The key written and read: every workload has it. */
    static final String KEY = "k1";

    private StaleLeaderFaults() {
    }

    /** How a fault begins, as drawn for it. */
    static String begin(SimRandom r) {
        return r.nextInt(2) == 0 ? DRIFT : VOTE;
    }

    /** Whether the moment the step {@code arg} waits for has come. */
    static boolean due(Cluster c, String arg) {
        String[] w = arg.split(" ");
        return switch (w[0]) {
            case DRIFT -> healthyLeader(c) != 0;
            case VOTE -> healthyLeader(c) != 0 && !followers(c, c.leader()).isEmpty();
            case CANDIDATE -> leads(c, num(w[1])) && standing(c, num(w[2]), num(w[1]));
            case WRITE -> leads(c, num(w[1])) && newLeader(c, num(w[1])) != 0;
            case APPLIED -> leads(c, num(w[1])) && applied(c, num(w[2]), Long.parseLong(w[3]), w[4]);
            case READ -> leads(c, num(w[1])) && c.now() > Long.parseLong(w[2]);
            default -> throw new IllegalArgumentException("not a stale-leader step: " + arg);
        };
    }

    /** What the step does now, or null if its moment is not (or no longer) here. */
    static Fired fire(Cluster c, long length, String arg) {
        if (!due(c, arg)) {
            return null;
        }
        String[] w = arg.split(" ");
        long now = c.now();
        List<Fault> faults = new ArrayList<>();
        switch (w[0]) {
            case DRIFT -> {
                int leader = c.leader();
                faults.add(new Fault(now, length, FaultKind.SKEW, leader + " " + rate(false)));
                for (int id = 1; id <= c.size(); id++) {
                    if (id != leader) {
                        faults.add(new Fault(now, length, FaultKind.SKEW, id + " " + rate(true)));
                    }
                }
                faults.add(new Fault(now, length, FaultKind.PARTITION, FaultKind.alone(leader, c.size())));
                return new Fired(faults, WRITE + " " + leader);
            }
            case VOTE -> {
                int leader = c.leader();
                List<Integer> options = followers(c, leader);
                SimRandom r = Streams.of(c.seed(), "stale-leader " + now);
                int follower = options.get(r.nextInt(options.size()));
                faults.add(new Fault(now, length, FaultKind.CUT, leader + " " + follower));
                return new Fired(faults, CANDIDATE + " " + leader + " " + follower);
            }
            case CANDIDATE -> {
                int leader = num(w[1]);
                faults.add(new Fault(now, length, FaultKind.PARTITION, FaultKind.alone(leader, c.size())));
                return new Fired(faults, WRITE + " " + leader);
            }
            case WRITE -> {
                int fresh = newLeader(c, num(w[1]));
                String value = "s" + now; // one stale-leader step at a time, so no other write has this value
                faults.add(new Fault(now, 0, FaultKind.REQUEST, "put " + KEY + " " + value + " --to " + fresh));
                return new Fired(faults, APPLIED + " " + w[1] + " " + fresh + " " + c.node(fresh).log().lastIndex()
                        + " " + value);
            }
            case APPLIED -> {
                return new Fired(faults, READ + " " + w[1] + " " + now); // the write's answer left now: read later
            }
            default -> {
                faults.add(new Fault(now, 0, FaultKind.REQUEST, "get " + KEY + " --to " + w[1]));
                return new Fired(faults, null);
            }
        }
    }

    /** Sends what a {@link FaultKind#REQUEST} names, as {@code put K V --to N} or {@code get K --to N} does. */
    static void request(Cluster c, String arg) {
        String[] w = arg.split(" ");
        int node = num(w[w.length - 1]);
        if (!c.isUp(node)) {
            return; // the lab command refuses a node that is down, and nothing happens
        }
        Command command = w[0].equals("put") ? new Command(CommandKind.PUT, w[1], w[2], 0)
                : new Command(CommandKind.GET, w[1], null, 0);
        c.submit(node, command);
    }

    /**
     * A clock rate at an end of the range {@code skew} faults draw from: 1/sqrt(D) (slow) or sqrt(D) (fast), in
     * hundredths rounded inwards, so that the two differ by less than the drift bound D.
     */
    static String rate(boolean fast) {
        double half = Math.sqrt(Settings.DEFAULT_MAX_DRIFT);
        long hundredths = fast ? (long) Math.floor(100 * half) : (long) Math.ceil(100 / half);
        return (hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + (hundredths % 100);
    }

    // ---------------------------------------------------------------------------------------------- the cluster

    private static int num(String s) {
        return Integer.parseInt(s);
    }

    /**
     * The leader to leave behind, or 0: the only leader, with an entry of its term committed (so it may serve lease
     * reads), reaching a majority of voters.
     */
    private static int healthyLeader(Cluster c) {
        int leader = c.leader();
        if (leader == 0 || c.leaders().size() != 1) {
            return 0;
        }
        RaftNode n = c.node(leader);
        RaftLogView log = n.log();
        long commit = n.commitIndex();
        if (commit == 0 || commit < log.snapshotIndex() || log.termAt(commit) != n.currentTerm()) {
            return 0;
        }
        boolean reaches = c.voters().hasMajority(id -> id == leader
                || (c.isUp(id) && !c.network().isCut(leader, id) && !c.network().isCut(id, leader)));
        return reaches ? leader : 0;
    }

    /** Live followers of {@code leader} in its term that it reaches, ascending: whom a vote fault may cut. */
    private static List<Integer> followers(Cluster c, int leader) {
        List<Integer> out = new ArrayList<>();
        long term = c.node(leader).currentTerm();
        for (int id = 1; id <= c.size(); id++) {
            RaftNode n = c.isUp(id) ? c.node(id) : null;
            if (id != leader && n != null && n.role() == Role.FOLLOWER && n.currentTerm() == term
                    && n.leaderId() == leader && c.voters().contains(id)
                    && !c.network().isCut(leader, id) && !c.network().isCut(id, leader)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Whether {@code id} is up and leads (in whatever term). */
    private static boolean leads(Cluster c, int id) {
        return c.isUp(id) && c.node(id).role() == Role.LEADER;
    }

    /** Whether {@code id} is up and a candidate for a term above {@code leader}'s. */
    private static boolean standing(Cluster c, int id, int leader) {
        return c.isUp(id) && c.node(id).role() == Role.CANDIDATE
                && c.node(id).currentTerm() > c.node(leader).currentTerm();
    }

    /** The live leader of the highest term, if that term is above {@code old}'s; else 0. */
    private static int newLeader(Cluster c, int old) {
        int top = c.leader();
        return top != 0 && top != old && c.node(top).currentTerm() > c.node(old).currentTerm() ? top : 0;
    }

    /** Whether {@code id} is up and has applied the put of {@code value}, somewhere after index {@code after}. */
    private static boolean applied(Cluster c, int id, long after, String value) {
        if (!c.isUp(id)) {
            return false;
        }
        RaftNode n = c.node(id);
        RaftLogView log = n.log();
        for (long k = Math.max(after, log.snapshotIndex()) + 1; k <= n.lastApplied() && k <= log.lastIndex(); k++) {
            Command cmd = log.get(k).command();
            if (cmd.kind() == CommandKind.PUT && KEY.equals(cmd.key()) && value.equals(cmd.value())) {
                return true;
            }
        }
        return false;
    }
}
