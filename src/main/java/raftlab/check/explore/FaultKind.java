package raftlab.check.explore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import raftlab.raft.Message;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.RequestVote;
import raftlab.raft.RequestVoteReply;
import raftlab.raft.Role;
import raftlab.raft.Settings;
import raftlab.sim.Cluster;
import raftlab.sim.InFlight;
import raftlab.sim.SimRandom;

/**
 * The kinds of fault an exploration schedule can contain, by the names {@code --faults} takes. Everything about a
 * kind is here, in its constant: what it does to the cluster and how it is undone, the lab commands that do the
 * same (so a run replays in the lab), and how explore draws it (its lanes, gaps, lengths and argument). Adding a
 * kind is adding a constant.
 *
 * <p>The last two are aimed: their node is not drawn in advance but chosen while the run goes, at a moment worth
 * hitting ({@link Targeting} watches for it with the constant's {@code flag...} methods and asks {@link #fire}),
 * and the run records them as the plain partition or crash they became.
 */
public enum FaultKind {
    /** Two groups that cannot talk to each other. Argument: the groups, {@code 1,3 2,4,5}. */
    PARTITION("partition") {
        @Override
        void start(Cluster c, String arg) {
            c.network().partition(groups(arg, c.size()));
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            c.network().heal();
        }

        @Override
        String startCommand(String arg) {
            return "partition " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "heal";
        }

        @Override
        long length(SimRandom r) {
            return r.between(100, 2000);
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return twoGroups(nodes, r);
        }
    },
    /** A node stops and later restarts from its disk. Argument: the node. Every node has a lane of its own. */
    CRASH("crash", true) {
        @Override
        void start(Cluster c, String arg) {
            c.crash(Integer.parseInt(arg));
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            c.restart(Integer.parseInt(arg));
        }

        @Override
        String startCommand(String arg) {
            return "crash " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "restart " + arg;
        }

        @Override
        long length(SimRandom r) {
            return nodeDownLength(r);
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return Integer.toString(lane + 1);
        }
    },
    /**
     * A node loses power: a crash that also loses the disk writes not yet durable, then a restart from what the disk
     * kept. Argument: the node; every node has a lane of its own. Runs with it get a disk sync time (see
     * {@link ScenarioGenerator}), so that there are such writes to lose. Asked for by name: it changes a run's timing.
     */
    POWER_LOSS("power-loss", true) {
        @Override
        void start(Cluster c, String arg) {
            c.powerLoss(Integer.parseInt(arg));
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            c.restart(Integer.parseInt(arg));
        }

        @Override
        String startCommand(String arg) {
            return "power-loss " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "restart " + arg;
        }

        @Override
        long length(SimRandom r) {
            return nodeDownLength(r);
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return Integer.toString(lane + 1);
        }

        @Override
        boolean inDefault() {
            return false;
        }
    },
    /** Messages are dropped with a probability. Argument: the probability, {@code 0.3}. */
    LOSS("loss") {
        @Override
        long length(SimRandom r) {
            return r.between(100, 1000);
        }

        @Override
        void start(Cluster c, String arg) {
            c.network().setLoss(0, 0, Double.parseDouble(arg));
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            c.network().setLoss(0, 0, 0);
        }

        @Override
        String startCommand(String arg) {
            return "loss " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "loss 0";
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return tenths(r, intensity);
        }
    },
    /** Latency widens, so later messages overtake earlier ones. Argument: the range, {@code 1..60}. */
    REORDER("reorder") {
        @Override
        long length(SimRandom r) {
            return r.between(100, 1000);
        }

        @Override
        void start(Cluster c, String arg) {
            setLatency(c, arg);
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            c.network().setLatency(t.latencyMin(), t.latencyMax()); // what setLatency(c, t.latency()) sets
        }

        @Override
        String startCommand(String arg) {
            return "latency " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "latency " + t.latency();
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return "1.." + r.between(10, 10 + Math.round(180 * intensity));
        }
    },
    /** Messages are duplicated with a probability. Argument: the probability. */
    DUP("dup") {
        @Override
        long length(SimRandom r) {
            return r.between(100, 1000);
        }

        @Override
        void start(Cluster c, String arg) {
            c.network().setDupe(Double.parseDouble(arg));
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            c.network().setDupe(0);
        }

        @Override
        String startCommand(String arg) {
            return "dupe " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "dupe 0";
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return tenths(r, intensity);
        }
    },
    /**
     * A node takes a snapshot now, as {@code snapshot N}: compaction at a random moment, while entries and snapshots
     * are in flight. Argument: the node; every node has a lane of its own. Instant: nothing to undo. Like the command,
     * it does nothing to a node that is down or has applied nothing since its last snapshot. Asked for by name: it
     * matters only with snapshots.
     */
    COMPACT("compact") {
        @Override
        void start(Cluster c, String arg) {
            int id = Integer.parseInt(arg);
            if (c.isUp(id) && c.node(id).lastApplied() > c.node(id).log().snapshotIndex()) {
                c.compact(id);
            }
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
        }

        @Override
        String startCommand(String arg) {
            return "snapshot " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            throw new IllegalStateException("a snapshot has nothing to undo");
        }

        @Override
        boolean instant() {
            return true;
        }

        @Override
        int lanes(int nodes) {
            return nodes;
        }

        @Override
        long gap(SimRandom r) {
            return r.between(20, 800); // often: a compaction must land while entries and snapshots are in flight
        }

        @Override
        long length(SimRandom r) {
            return 0;
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return Integer.toString(lane + 1);
        }

        @Override
        boolean inDefault() {
            return false;
        }
    },
    /**
     * A node's clock runs fast or slow ({@code skew N RATE}), then in step again ({@code skew N 1}): its timers fire
     * later or sooner in virtual time. The rate stays within the drift bound a lease assumes ({@link
     * Settings#DEFAULT_MAX_DRIFT}: no two clocks differ by more than that factor), so a correct lease never goes stale;
     * {@code lease-ignores-skew} does. Argument: the node and its rate, {@code 2 0.75}; every node has a lane of its
     * own. Asked for by name: it changes a run's timing.
     */
    SKEW("skew") {
        @Override
        void start(Cluster c, String arg) {
            String[] a = arg.split(" ");
            c.setClockRate(Integer.parseInt(a[0]), Double.parseDouble(a[1]));
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            c.setClockRate(Integer.parseInt(arg.split(" ")[0]), 1.0);
        }

        @Override
        String startCommand(String arg) {
            return "skew " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "skew " + arg.split(" ")[0] + " 1";
        }

        @Override
        int lanes(int nodes) {
            return nodes;
        }

        @Override
        long length(SimRandom r) {
            return r.between(200, 3000);
        }

        @Override
        boolean inDefault() {
            return false;
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            // Rates from 1/sqrt(D) to sqrt(D), in hundredths rounded inwards: any two differ by less than D. Half the
            // draws take an end of that range, slow or fast: the worst drift the bound allows is where a lease that
            // forgets it goes stale.
            double half = Math.sqrt(Settings.DEFAULT_MAX_DRIFT);
            long low = (long) Math.ceil(100 / half);
            long high = (long) Math.floor(100 * half);
            long rate = switch (r.nextInt(4)) {
                case 0 -> low;
                case 1 -> high;
                default -> r.between(low, high);
            };
            return (lane + 1) + " " + (rate / 100) + "." + (rate % 100 < 10 ? "0" : "") + (rate % 100);
        }
    },
    /**
     * Aimed: cut the current leader off from everyone ({@code partition L rest}) at the end of the millisecond where
     * it has appended an entry of its own term that is on fewer than a majority of disks, while it still reaches a
     * majority. One isolation replaces the last: that is the paper's Figure 8.
     */
    ISOLATE_LEADER("isolate-leader") {
        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return "";
        }

        @Override
        public boolean aimed() {
            return true;
        }

        @Override
        long length(SimRandom r) {
            // A leader stays cut off long enough for the others to elect and lose a leader of their own.
            return r.between(300, 3000);
        }

        @Override
        boolean flagAfterEvent(Cluster c) {
            return leaderToIsolate(c) != 0;
        }

        @Override
        Fault fire(Cluster c, long length) {
            int leader = leaderToIsolate(c);
            return leader == 0 ? null : new Fault(c.now(), length, PARTITION, alone(leader, c.size()));
        }
    },
    /**
     * Aimed: reboot (crash and restart in the same millisecond) a follower that has voted in its term while another
     * candidate's RequestVote of that term is still on its way to it. A node that forgets its vote grants that one too.
     */
    REBOOT_VOTER("reboot-voter") {
        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return "";
        }

        @Override
        public boolean aimed() {
            return true;
        }

        @Override
        long length(SimRandom r) {
            return 0;
        }

        @Override
        boolean flagOnSend(InFlight m) {
            return m.message instanceof RequestVoteReply && ((RequestVoteReply) m.message).voteGranted();
        }

        @Override
        Fault fire(Cluster c, long length) {
            int voter = voterToReboot(c);
            return voter == 0 ? null : new Fault(c.now(), 0, CRASH, Integer.toString(voter));
        }
    },
    /**
     * The leader of the moment is asked to hand leadership to a node ({@code transfer N}); nothing to undo. Argument:
     * the target. If no node leads, the target is down or already leads, nothing happens (the lab command refuses).
     * Asked for by name: it changes who leads when.
     */
    TRANSFER("transfer") {
        @Override
        void start(Cluster c, String arg) {
            int target = Integer.parseInt(arg);
            int leader = c.leader();
            if (leader != 0 && leader != target && c.isUp(target)) {
                c.transferLeadership(leader, target);
            }
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            // A transfer ends by itself: it happens or is abandoned.
        }

        @Override
        String startCommand(String arg) {
            return "transfer " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            throw new IllegalStateException("a transfer has nothing to undo");
        }

        @Override
        boolean instant() {
            return true;
        }

        @Override
        boolean inDefault() {
            return false;
        }

        @Override
        long gap(SimRandom r) {
            return r.between(100, 1500);
        }

        @Override
        long length(SimRandom r) {
            return 0;
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return Integer.toString(1 + r.nextInt(nodes));
        }
    },
    /**
     * Aimed: a membership change at a moment with a leader, chosen then from the cluster as it is
     * ({@link MembershipFaults}); the run records it as the {@link #CHANGE} it became. Argument: the moment waited for
     * (any leader, a new leader, a leader with a change pending). Asked for by name.
     */
    MEMBERSHIP("membership") {
        @Override
        public boolean aimed() {
            return true;
        }

        @Override
        long gap(SimRandom r) {
            // Often close together: two changes must sometimes meet while the first is uncommitted.
            return r.nextInt(2) == 0 ? r.between(1, 30) : r.between(100, 1200);
        }

        @Override
        long length(SimRandom r) {
            return 0;
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return MembershipFaults.moment(r);
        }

        @Override
        boolean flagAfterEvent(Cluster c, String arg) {
            return MembershipFaults.due(c, arg);
        }

        @Override
        boolean flagAfterEvent(Cluster c) {
            return flagAfterEvent(c, MembershipFaults.ANY);
        }

        @Override
        Fault fire(Cluster c, long length) {
            return fire(c, length, MembershipFaults.ANY);
        }

        @Override
        Fault fire(Cluster c, long length, String arg) {
            if (!MembershipFaults.due(c, arg)) {
                return null;
            }
            String change = MembershipFaults.choose(c, arg);
            return change == null ? null : new Fault(c.now(), 0, CHANGE, change);
        }
    },
    /**
     * Aimed, two steps in one millisecond ({@link ChangeSplit}): a membership change at one of the {@link #MEMBERSHIP}
     * moments or a joint {@code reconfigure}, then at once a partition that leaves the leader with just a majority of
     * its new voters while the other side can still elect a node of an older configuration. Harmless for Raft; each
     * membership bug turns it into two sides that both commit. Recorded as the {@link #CHANGE} and the
     * {@link #PARTITION} it became. Argument: the moment waited for. Asked for by name.
     */
    CHANGE_SPLIT("change-split") {
        @Override
        public boolean aimed() {
            return true;
        }

        @Override
        long length(SimRandom r) {
            // Long enough for the other side to elect a leader and commit, and the leader's side to commit too.
            return r.between(500, 3000);
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return ChangeSplit.moment(r);
        }

        @Override
        boolean flagAfterEvent(Cluster c, String arg) {
            return arg.equals(ChangeSplit.SPLIT) ? ChangeSplit.split(c) != null
                    : arg.equals(ChangeSplit.ISOLATE) ? ChangeSplit.isolate(c) != null : ChangeSplit.due(c, arg);
        }

        @Override
        boolean flagAfterEvent(Cluster c) {
            return flagAfterEvent(c, ChangeSplit.JOINT);
        }

        @Override
        Fault fire(Cluster c, long length) {
            return fire(c, length, ChangeSplit.JOINT);
        }

        @Override
        Fault fire(Cluster c, long length, String arg) {
            if (arg.equals(ChangeSplit.SPLIT)) {
                String groups = ChangeSplit.split(c);
                return groups == null ? null : new Fault(c.now(), length, PARTITION, groups);
            }
            if (arg.equals(ChangeSplit.ISOLATE)) {
                String groups = ChangeSplit.isolate(c);
                return groups == null ? null : new Fault(c.now(), length, PARTITION, groups);
            }
            String change = ChangeSplit.due(c, arg) ? ChangeSplit.change(c, arg) : null;
            return change == null ? null : new Fault(c.now(), 0, CHANGE, change);
        }

        @Override
        String followUp(String arg, Fault fired) {
            return ChangeSplit.next(arg, fired);
        }

        @Override
        boolean waits(String arg) {
            return ChangeSplit.waits(arg);
        }
    },
    /**
     * A membership change as the lab command that makes it ({@code add-node}, {@code promote 4},
     * {@code remove-node 2}, {@code reconfigure 1,3,4}): what a {@link #MEMBERSHIP} fault became. Instant; a change
     * the leader refuses then does nothing, in the run as in the lab. Never drawn by itself (no lanes).
     */
    CHANGE("change", MembershipFaults::apply) {
        @Override
        long length(SimRandom r) {
            return 0;
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return "add-node";
        }
    },
    /**
     * Aimed, in steps: a leader is left behind, cut off from the other nodes but not from clients (after its clock
     * was set slow and the others fast within the drift bound, or after one follower was cut from it and stood for
     * election), then a write goes to the new leader and a read to the old one ({@link StaleLeaderFaults}). Each step
     * is recorded as the plain commands it became ({@code skew}, {@code partition}, {@code cut}, {@code put ... --to},
     * {@code get ... --to}). For lease reads: without a bug the old leader's lease has run out by the read. Asked for
     * by name.
     */
    STALE_LEADER("stale-leader") {
        @Override
        public boolean aimed() {
            return true;
        }

        @Override
        long length(SimRandom r) {
            // Long enough for the others to elect a leader and the write and read to happen.
            return r.between(500, 3000);
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return StaleLeaderFaults.begin(r);
        }

        @Override
        boolean flagAfterEvent(Cluster c, String arg) {
            return StaleLeaderFaults.due(c, arg);
        }

        @Override
        boolean flagAfterEvent(Cluster c) {
            return flagAfterEvent(c, StaleLeaderFaults.DRIFT);
        }

        /** The first of the faults a drift step becomes (for callers that take one fault). */
        @Override
        Fault fire(Cluster c, long length) {
            Fired f = fireAll(c, length, StaleLeaderFaults.DRIFT);
            return f == null ? null : f.faults().get(0);
        }

        @Override
        Fired fireAll(Cluster c, long length, String arg) {
            return StaleLeaderFaults.fire(c, length, arg);
        }
    },
    /**
     * The link between two nodes is cut both ways ({@code cut A B}), then restored ({@code uncut A B}): part of what
     * a {@link #STALE_LEADER} fault became. Argument: the two nodes. Never drawn by itself (no lanes).
     */
    CUT("cut") {
        @Override
        void start(Cluster c, String arg) {
            setCut(c, arg, true);
        }

        @Override
        void end(Cluster c, String arg, Timing t) {
            setCut(c, arg, false);
        }

        @Override
        String startCommand(String arg) {
            return "cut " + arg;
        }

        @Override
        String endCommand(String arg, Timing t) {
            return "uncut " + arg;
        }

        @Override
        boolean inDefault() {
            return false;
        }

        @Override
        int lanes(int nodes) {
            return 0;
        }

        @Override
        long length(SimRandom r) {
            return r.between(100, 2000);
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return "1 2";
        }
    },
    /**
     * A client request sent to a chosen node, as the shell sends it: {@code put K V --to N} or {@code get K --to N},
     * handed to that node directly (to nothing if it is down, where the command refuses). Part of what a
     * {@link #STALE_LEADER} fault became; instant. Never drawn by itself (no lanes).
     */
    REQUEST("request", StaleLeaderFaults::request) {
        @Override
        long length(SimRandom r) {
            return 0;
        }

        @Override
        String arg(SimRandom r, int nodes, int lane, double intensity) {
            return "get k1 --to 1";
        }
    };

    public final String label;
    /** Whether the fault takes one node down: every node has a lane of its own, and its argument is the node. */
    private final boolean perNode;

    FaultKind(String label) {
        this(label, false);
    }

    FaultKind(String label, boolean perNode) {
        this(label, perNode, null);
    }

    /** A step an aimed fault became, recorded as the lab command {@code step} carries out (see {@link #step}). */
    FaultKind(String label, BiConsumer<Cluster, String> step) {
        this(label, false, step);
    }

    FaultKind(String label, boolean perNode, BiConsumer<Cluster, String> step) {
        this.label = label;
        this.perNode = perNode;
        this.step = step;
    }

    /**
     * For a kind that is one step of what an aimed fault became, and nothing else: what its argument, a whole lab
     * command ({@code reconfigure 1,4,5}, {@code get k1 --to 3}), does to a cluster. Such a step is instant, has
     * nothing to undo and is never drawn by itself. Null for every other kind.
     */
    private final BiConsumer<Cluster, String> step;

    /** Whether this kind is a recorded step of an aimed fault (see {@link #step}). */
    boolean recordedStep() {
        return step != null;
    }

    // ---------------------------------------------------------------------------------------------- what it does

    // An aimed kind (see aimed()) never runs by itself: it becomes a concrete fault during the run, so it keeps these
    // four as they are here. A recorded step (see step) is its own command. Every other kind defines all four itself;
    // FaultKindTest checks that none forgets one.

    /** Starts the fault on the cluster, as {@link #startCommand} does in the lab. */
    void start(Cluster c, String arg) {
        if (step == null) {
            throw chosenDuringTheRun();
        }
        step.accept(c, arg);
    }

    /** Undoes it, as {@link #endCommand} does in the lab; {@code t} holds the cluster's normal latency. */
    void end(Cluster c, String arg, Timing t) {
        if (step == null) {
            throw chosenDuringTheRun();
        }
    }

    String startCommand(String arg) {
        if (step == null) {
            throw chosenDuringTheRun();
        }
        return arg;
    }

    String endCommand(String arg, Timing t) {
        if (step == null) {
            throw chosenDuringTheRun();
        }
        throw new IllegalStateException("`" + arg + "` has nothing to undo");
    }

    /** The node the fault holds down while it lasts, or 0: a node held down cannot crash again until it is back. */
    int heldDown(String arg) {
        return perNode ? Integer.parseInt(arg) : 0;
    }

    // ---------------------------------------------------------------------------------------------- how explore draws it

    /** Whether the fault happens at one moment and has nothing to undo (no end action). */
    boolean instant() {
        return step != null;
    }

    /** Whether the fault's node is chosen while the run goes, rather than written in the schedule. */
    public boolean aimed() {
        return false;
    }

    /** Whether {@code --faults} includes it when not given. */
    boolean inDefault() {
        return !aimed() && step == null;
    }

    /** Timelines of this kind in one schedule: each is a pause, a fault, a pause, and so on. */
    int lanes(int nodes) {
        return step != null ? 0 : perNode ? nodes : 1;
    }

    /** The pause before a fault (for an aimed fault: before it is armed). */
    long gap(SimRandom r) {
        return perNode ? r.between(50, 2000) : aimed() ? r.between(100, 1500) : r.between(50, 1200);
    }

    /** How long a fault lasts. */
    abstract long length(SimRandom r);

    /**
     * The fault's argument, as its lab command takes it. {@code intensity} in [0, 1] scales how hard it hits (0.5
     * without swarm testing).
     */
    abstract String arg(SimRandom r, int nodes, int lane, double intensity);

    // ---------------------------------------------------------------------------------------------- aimed faults

    /** While armed: whether, after an event, its moment may have come. */
    boolean flagAfterEvent(Cluster c) {
        return false;
    }

    /** As {@link #flagAfterEvent(Cluster)}, for a kind whose argument says which moment it waits for. */
    boolean flagAfterEvent(Cluster c, String arg) {
        return flagAfterEvent(c);
    }

    /** While armed: whether a message just sent may bring its moment. */
    boolean flagOnSend(InFlight m) {
        return false;
    }

    /** The concrete fault an armed aimed fault becomes now, or null if its moment is not (or no longer) here. */
    Fault fire(Cluster c, long length) {
        throw new IllegalStateException(label + " is not aimed");
    }

    /** As {@link #fire(Cluster, long)}, for a kind whose argument says which moment it waits for. */
    Fault fire(Cluster c, long length, String arg) {
        return fire(c, length);
    }

    /**
     * What the armed fault does now: the concrete faults it becomes (most kinds: one, from {@link #fire}) and the
     * argument of its next step if it has steps; null if its moment is not (or no longer) here.
     */
    Fired fireAll(Cluster c, long length, String arg) {
        return Fired.one(fire(c, length, arg));
    }

    /**
     * For an aimed kind of several steps: the argument of its next step once {@code fired} (the step armed with
     * {@code arg}) is done, tried at once in the same millisecond; null (the default) if there is none.
     */
    String followUp(String arg, Fault fired) {
        return null;
    }

    /** Whether a later step (armed with {@code arg}) that does not fire at once waits, armed, for its moment. */
    boolean waits(String arg) {
        return false;
    }

    // ---------------------------------------------------------------------------------------------- names

    /** Parses {@code partition,crash,...}; throws IllegalArgumentException naming the bad kind and the valid ones. */
    public static Set<FaultKind> parse(String list) {
        Set<FaultKind> out = EnumSet.noneOf(FaultKind.class);
        if (list.isBlank() || list.equals("none")) {
            return out;
        }
        for (String part : list.split(",", -1)) {
            FaultKind k = byLabel(part.trim());
            if (k == null) {
                throw new IllegalArgumentException("unknown fault kind '" + part.trim() + "'; kinds are " + labels()
                        + " (comma-separated), or none");
            }
            out.add(k);
        }
        return out;
    }

    public static FaultKind byLabel(String label) {
        for (FaultKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }

    public static String labels() {
        List<String> names = new ArrayList<>();
        for (FaultKind k : values()) {
            names.add(k.label);
        }
        return String.join(",", names);
    }

    /**
     * What {@code --faults} means when not given: every kind but power-loss and the aimed ones. Aimed faults make many client
     * attempts end unknown (a cut-off leader takes writes it can never commit), which makes the linearizability
     * search long on some histories, so they are asked for by name, with the bugs they are for.
     */
    public static String defaultLabels() {
        List<String> names = new ArrayList<>();
        for (FaultKind k : values()) {
            if (k.inDefault()) {
                names.add(k.label);
            }
        }
        return String.join(",", names);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * How long a node stays down: half are blips (0..50 ms, a reboot within a round of messages, which some bugs need:
     * a node back before anyone noticed, having forgotten what it did not keep), half 100..1500 ms.
     */
    private static long nodeDownLength(SimRandom r) {
        return r.nextInt(2) == 0 ? r.between(0, 50) : r.between(100, 1500);
    }

    IllegalStateException chosenDuringTheRun() {
        return new IllegalStateException(label + " is chosen during the run and has no command of its own");
    }

    /** A probability in tenths, {@code 0.1} .. {@code 0.9}, ranging up to 0.5 at intensity 0.5. */
    private static String tenths(SimRandom r, double intensity) {
        return "0." + r.between(1, 1 + Math.round(8 * intensity));
    }

    /** Cuts or restores both directions of the link {@code "A B"}, as {@code cut A B} and {@code uncut A B} do. */
    private static void setCut(Cluster c, String link, boolean cut) {
        String[] ab = link.split(" ");
        int a = Integer.parseInt(ab[0]);
        int b = Integer.parseInt(ab[1]);
        c.network().setCut(a, b, cut);
        c.network().setCut(b, a, cut);
    }

    private static void setLatency(Cluster c, String range) {
        // As split("\\.\\.") would read it, without compiling a regular expression at every reorder.
        int dots = range.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException("not a latency range: " + range);
        }
        int more = range.indexOf("..", dots + 2);
        c.network().setLatency(Long.parseLong(range.substring(0, dots)),
                Long.parseLong(range.substring(dots + 2, more < 0 ? range.length() : more)));
    }

    /** "1,3 2,4,5" as the group number of each node, as {@code partition} builds it. */
    static int[] groups(String arg, int size) {
        int[] group = new int[size + 1];
        // Read in one pass when it is plain ids, commas and single spaces (as explore writes it: a partition starts
        // often); anything else goes the way of split and parseInt below, which say what is wrong.
        int number = 1;
        int node = 0;
        int digits = 0;
        boolean plain = !arg.isEmpty();
        for (int i = 0; i <= arg.length() && plain; i++) {
            char ch = i < arg.length() ? arg.charAt(i) : ' ';
            if (ch >= '0' && ch <= '9' && digits < 9) {
                node = node * 10 + (ch - '0');
                digits++;
            } else if ((ch == ',' || ch == ' ') && digits > 0 && node < group.length) {
                group[node] = number;
                number += ch == ' ' ? 1 : 0;
                node = 0;
                digits = 0;
            } else {
                plain = false;
            }
        }
        if (plain) {
            return group;
        }
        java.util.Arrays.fill(group, 0);
        String[] parts = arg.split(" ");
        for (int g = 0; g < parts.length; g++) {
            for (String id : parts[g].split(",")) {
                group[Integer.parseInt(id)] = g + 1;
            }
        }
        return group;
    }

    /** Two groups, a random non-empty proper subset and the rest, each listed in ascending order. */
    private static String twoGroups(int nodes, SimRandom r) {
        boolean[] inA = new boolean[nodes + 1];
        int k = 1 + r.nextInt(Math.max(1, nodes - 1));
        for (int chosen = 0; chosen < k; ) {
            int id = 1 + r.nextInt(nodes);
            if (!inA[id]) {
                inA[id] = true;
                chosen++;
            }
        }
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int id = 1; id <= nodes; id++) {
            StringBuilder g = inA[id] ? a : b;
            if (g.length() > 0) {
                g.append(',');
            }
            g.append(id);
        }
        return a + " " + b;
    }

    /** Partition groups with {@code id} alone and everyone else together, as {@code partition} takes them. */
    static String alone(int id, int size) {
        StringBuilder rest = new StringBuilder();
        for (int other = 1; other <= size; other++) {
            if (other != id) {
                rest.append(rest.length() == 0 ? "" : ",").append(other);
            }
        }
        return id + " " + rest;
    }

    /**
     * The leader to cut off: the current leader, if its newest entry is of its own term and on fewer than a majority
     * of disks (not committed, and still losable), and it can reach a majority (it is not cut off already).
     */
    private static int leaderToIsolate(Cluster cluster) {
        int leader = cluster.leader();
        if (leader == 0) {
            return 0;
        }
        RaftNode node = cluster.node(leader);
        RaftLogView log = node.log();
        long last = log.lastIndex();
        if (last == 0 || log.termAt(last) != node.currentTerm() || last <= node.commitIndex()) {
            return 0;
        }
        boolean onMajority = cluster.voters().hasMajority(id -> {
            RaftLogView other = cluster.disk(id).log();
            return other.lastIndex() >= last && other.snapshotIndex() <= last && other.termAt(last) == log.termAt(last);
        });
        boolean reachesMajority = cluster.voters().hasMajority(id -> id == leader
                || (cluster.isUp(id) && !cluster.network().isCut(leader, id)));
        return !onMajority && reachesMajority ? leader : 0;
    }

    /**
     * A live follower that voted in its current term while a RequestVote of that same term from another candidate is
     * still on its way to it: rebooted now, a node that forgets its vote would grant that one too.
     */
    private static int voterToReboot(Cluster cluster) {
        for (InFlight f : cluster.inFlight()) {
            Message m = f.message;
            if (!(m instanceof RequestVote)) {
                continue;
            }
            int to = m.to();
            RaftNode node = cluster.node(to);
            if (node == null || node.role() != Role.FOLLOWER || m.term() != node.currentTerm()) {
                continue;
            }
            int votedFor = node.votedFor();
            if (votedFor != 0 && votedFor != m.from() && votedFor != to) {
                return to;
            }
        }
        return 0;
    }
}
