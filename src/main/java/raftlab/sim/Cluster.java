package raftlab.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import raftlab.raft.Bug;
import raftlab.raft.ClientReply;
import raftlab.raft.ClientRequest;
import raftlab.raft.ClientResponse;
import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.raft.DiskWrite;
import raftlab.raft.Effects;
import raftlab.raft.KvStore;
import raftlab.raft.Message;
import raftlab.raft.MessageFields;
import raftlab.raft.MessageType;
import raftlab.raft.NodeEvent;
import raftlab.raft.NodeFactory;
import raftlab.raft.NodeSetup;
import raftlab.raft.PersistentState;
import raftlab.raft.Quorum;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.raft.TimerKind;
import raftlab.raft.TimerRequest;

/**
 * A whole simulated world: N Raft nodes, their disks, a virtual network and a virtual clock, all driven by one
 * event queue ordered by (time, sequence). Single-threaded by design: whoever owns a Cluster is the only one who
 * touches it. Time moves only when a caller moves it.
 *
 * <p>Nodes are {@link RaftNode}s made by a {@link NodeFactory}; the cluster knows nothing else of them. Each step of
 * a node returns an {@link Effects} batch, which {@link #apply} carries out: the disk write first, then events and
 * timers, and the messages and client replies once the write is durable (at once with {@code --sync 0}).
 */
public final class Cluster {
    private final ClusterConfig config;
    /** Per node id: the stream its election timeouts are drawn from. */
    private final SimRandom[] timerRandom;
    /** Per directed link [from][to]: the stream its latency, loss and duplication are drawn from. */
    private final SimRandom[][] linkRandom;
    /**
     * The most node ids a cluster can have, those that join later included (ids stay below 64: the checkers keep sets
     * of nodes as bit masks). Per-node arrays are made this big once, so that a node can join without resizing them.
     */
    public static final int CAPACITY = 16;
    /**
     * By node id, why a message to the node is dropped while it is down: made once for the whole JVM. Made per
     * message, the string concatenation was 1% to 2% of a steady explore (crash faults leave nodes down for seconds).
     */
    private static final String[] DOWN_WHY = new String[CAPACITY + 1];

    static {
        for (int id = 0; id <= CAPACITY; id++) {
            DOWN_WHY[id] = "n" + id + " is down";
        }
    }
    /** The configuration the cluster started with (1..N); each node's own configuration lives in its log. */
    private final Quorum voters;
    /** The node ids, 1..size, ascending: the first N, then those that joined. Per-node arrays are indexed by id. */
    private int[] members;
    private final NodeFactory factory;
    private final RaftNode[] nodes;
    private final Disk[] disks;
    private final boolean[] up;
    /** Bumped at every boot and stop: output a node left waiting for its disk is not sent by a later incarnation. */
    private final long[] incarnation;
    private final long[] electionGen;
    private final long[] heartbeatGen;
    private final long[] leaseGen;
    private final long[] flushGen;
    /** Whether the node's flush timer is armed and has not fired: what it was proposed waits for the instant's end. */
    private final boolean[] flushArmed;
    private final long[] electionDue;
    /**
     * Per node: how many times something the safety checkers read of it may have changed: it was stepped (its state
     * and disk change only in a step), booted or stopped (a power loss also cuts back its disk). A checker that
     * remembers these looks only at the nodes touched since (see {@link #touches}).
     */
    private final long[] touches;
    /**
     * Per node: how fast its clock runs against virtual time (1 = exactly; 0.5 = half as fast, so its timers fire
     * twice as late). Set by {@code skew N RATE}; it outlives crashes, like the hardware it stands for.
     */
    private final double[] clockRate;
    /**
     * Per node: its election timer's current arming, and the firing of it that sits in the timer queue (possibly an
     * earlier, superseded arming). A follower re-arms on every AppendEntries; rather than queueing a firing each time,
     * the queue holds at most one live firing per node, and a superseded one is replaced by the current arming when it
     * reaches the head (see {@link #dropStaleTimers}). The replacement keeps the (time, seq) it was given when armed,
     * so events happen in exactly the order they would if every arming had been queued. The current arming is kept as
     * its (time, seq, generation), generation 0 for none: a firing object is made only when one is queued.
     */
    private final long[] electionArmedTime;
    private final long[] electionArmedSeq;
    private final long[] electionArmedGen;
    private final TimerFiring[] electionQueued;
    private final Set<Bug> bugs = EnumSet.noneOf(Bug.class);
    /** Timers and messages wait in separate queues so that hold can stop messages while timers still fire. */
    private final EventQueue<TimerFiring> timers = new EventQueue<>();
    private final EventQueue<InFlight> wire = new EventQueue<>();
    private final Network network;
    /** By request id; ids only grow, so insertion order is id order. */
    private final RequestTable outstanding = new RequestTable();
    /** Clients as network endpoints: the requests that travel the network, and the clients' link streams. */
    private final ClientLinks clientLinks;
    private final Listeners listeners = new Listeners();
    private final Stats stats = new Stats();
    /**
     * Output of batches whose node is stepped again (told its write is durable) before that output is sent: frames
     * of messages and replies, the innermost on top; see {@link #keepOutput}.
     */
    private Object[] keptOutput = new Object[32];
    private int keptTop;

    private long now;
    private long seq;
    /** Events so far (each one its listeners hear of through afterEvent), and where {@link #limitEvents} stops. */
    private long events;
    private long eventBudget = Long.MAX_VALUE;
    private long nextMessageId = 1;
    private long nextRequestId = 1;
    private boolean hold;
    /** Set when a node's implementation failed (a {@link NodeFailure}): the run cannot go on from a broken step. */
    private String failure;
    /** What the last event was (a Scheduled, or a String for a user action); described only when asked. */
    private Object cause;

    public Cluster(ClusterConfig config) {
        this(config, NodeFactory.reference());
    }

    /** A cluster of nodes made by {@code factory}. */
    public Cluster(ClusterConfig config, NodeFactory factory) {
        if (config.size() < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
        this.config = config;
        this.factory = factory;
        int n = config.size();
        if (n > CAPACITY) {
            throw new IllegalArgumentException("a cluster has at most " + CAPACITY + " nodes");
        }
        this.network = new Network(n, CAPACITY, config.latencyMin(), config.latencyMax());
        this.clientLinks = new ClientLinks(config.seed());
        int[] initial = new int[n];
        for (int i = 0; i < n; i++) {
            initial[i] = i + 1;
        }
        voters = Quorum.of(initial);
        members = voters.ids();
        int cap = CAPACITY + 1;
        nodes = new RaftNode[cap];
        disks = new Disk[cap];
        up = new boolean[cap];
        incarnation = new long[cap];
        electionGen = new long[cap];
        heartbeatGen = new long[cap];
        leaseGen = new long[cap];
        flushGen = new long[cap];
        flushArmed = new boolean[cap];
        electionDue = new long[cap];
        touches = new long[cap];
        clockRate = new double[cap];
        java.util.Arrays.fill(clockRate, 1.0);
        electionArmedTime = new long[cap];
        electionArmedSeq = new long[cap];
        electionArmedGen = new long[cap];
        electionQueued = new TimerFiring[cap];
        timerRandom = new SimRandom[cap];
        linkRandom = new SimRandom[cap][cap];
        for (int id : members) {
            timerRandom[id] = SimRandom.stream(config.seed(), SimRandom.NODE_TIMERS, id, 0);
            for (int to : members) {
                linkRandom[id][to] = SimRandom.stream(config.seed(), SimRandom.LINK, id, to);
            }
        }
        for (int id : members) {
            disks[id] = new Disk(config.syncMs());
            boot(id);
        }
    }

    private void boot(int id) {
        touches[id]++;
        up[id] = true;
        incarnation[id]++;
        SimRandom timerStream = timerRandom[id];
        try {
            nodes[id] = factory.create(new NodeSetup(id, voters, config.settings(), bugs, disks[id].state(),
                    timerStream::nextInt, new KvStore(bugs)));
            apply(id, nodes[id].start());
        } catch (NodeFailure f) {
            throw stopped(f);
        }
    }

    /** Records that the run stopped at this failure; every later step says so. */
    private NodeFailure stopped(NodeFailure f) {
        failure = f.getMessage();
        return f;
    }

    private void requireRunning() {
        if (failure != null) {
            throw new NodeFailure(failure + " (the run stopped there; start again with `cluster`)");
        }
    }

    /** The failure that stopped the run, or null while it runs. */
    public String failure() {
        return failure;
    }

    public void addListener(SimListener l) {
        listeners.add(l);
    }

    public void removeListener(SimListener l) {
        listeners.remove(l);
    }

    // ---------------------------------------------------------------------------------------------- time

    /** Processes every event due within the next {@code ms} virtual milliseconds, then sets the clock there. */
    public void tick(long ms) {
        requireRunning();
        long target = now + ms;
        Scheduled next;
        while ((next = peekNext()) != null && next.time <= target) {
            Interrupts.poll(now);
            process(next);
        }
        now = target;
    }

    /** The next event to process: the earlier of the next timer and (unless held) the next message. */
    private Scheduled peekNext() {
        // Each drop returns its queue's head: a queue's peek compares the heads of its calendar and its heap, and the
        // loop used to ask each queue twice per event (with poll's own peek, five peeks an event).
        InFlight m = dropDoneMessages();
        TimerFiring t = dropStaleTimers();
        if (hold) {
            m = null;
        }
        if (t == null) {
            return m;
        }
        if (m == null) {
            return t;
        }
        return t.compareTo(m) <= 0 ? t : m;
    }

    /**
     * Pops node timer firings that were superseded (re-armed or cancelled, or their node stopped): they would do
     * nothing. A superseded election firing gives way to its node's current arming, queued now with its own time.
     * Returns the timer now first, or null.
     */
    private TimerFiring dropStaleTimers() {
        TimerFiring t;
        while ((t = timers.peek()) != null && t.action == null && !current(t)) {
            timers.removeHead(t);
            if (t.kind == TimerKind.ELECTION && electionQueued[t.node] == t) {
                electionQueued[t.node] = null;
                int n = t.node;
                if (electionArmedGen[n] != 0 && electionArmedGen[n] == electionGen[n]) {
                    TimerFiring armed = new TimerFiring(electionArmedTime[n], electionArmedSeq[n], n,
                            TimerKind.ELECTION, electionArmedGen[n]);
                    timers.add(armed);
                    electionQueued[t.node] = armed;
                }
            }
        }
        return t;
    }

    private boolean current(TimerFiring t) {
        return switch (t.kind) {
            case ELECTION -> t.generation == electionGen[t.node];
            case HEARTBEAT -> t.generation == heartbeatGen[t.node];
            case LEASE -> t.generation == leaseGen[t.node];
            case FLUSH -> t.generation == flushGen[t.node];
        };
    }

    /** Pops messages delivered or dropped by hand (they stay queued until then); returns the one now first, or null. */
    private InFlight dropDoneMessages() {
        InFlight m;
        while ((m = wire.peek()) != null && m.done) {
            wire.removeHead(m);
        }
        return m;
    }

    /**
     * Processes the next event if it is due by {@code deadline}; returns false (leaving the clock alone) otherwise.
     */
    public boolean stepUntil(long deadline) {
        requireRunning();
        Scheduled next = peekNext();
        if (next == null || next.time > deadline) {
            return false;
        }
        Interrupts.poll(now);
        process(next);
        return true;
    }

    /** Processes the next event, moving the clock to it. Returns false if nothing is scheduled. */
    public boolean step() {
        requireRunning();
        Scheduled s = peekNext();
        if (s == null) {
            return false;
        }
        Interrupts.poll(now);
        process(s);
        return true;
    }

    /** Processes {@code s}, which {@link #peekNext} just returned: it is at the head of its queue. */
    private void process(Scheduled s) {
        // A held message may be overdue: delivering it later never moves the clock back.
        now = Math.max(now, s.time);
        cause = s;
        try {
            if (s instanceof InFlight m) {
                wire.removeHead(m);
                deliverNow(m);
            } else {
                TimerFiring t = (TimerFiring) s;
                timers.removeHead(t);
                fire(t);
            }
        } catch (NodeFailure f) {
            throw stopped(f);
        }
        afterEvent();
    }

    /** How many events the cluster has processed: steps, deliveries, fired timers, the user's and clients' acts. */
    public long events() {
        return events;
    }

    /**
     * Stops the run with {@link OverBudget} right after its {@code budget}-th event (counted from the start), before
     * any listener hears of that event. Explore's guard against runs that never settle; it was a listener, but
     * counting here keeps explore's per-event call to its listeners to the safety monitor and the aimed faults (a
     * third kind of listener made that call one through the interface table: 2.6% of a steady explore).
     */
    public void limitEvents(long budget) {
        eventBudget = budget;
    }

    /** Fires the earliest timer if it is a flush due by now (the end of this instant); returns whether it did. */
    private boolean fireDueFlush() {
        TimerFiring t = dropStaleTimers();
        if (t == null || t.action != null || t.kind != TimerKind.FLUSH || t.time > now) {
            return false;
        }
        timers.removeHead(t);
        cause = t;
        try {
            fire(t);
        } catch (NodeFailure f) {
            throw stopped(f);
        }
        afterEvent();
        return true;
    }

    private void afterEvent() {
        if (++events >= eventBudget) {
            throw new OverBudget(eventBudget);
        }
        for (int i = 0; i < listeners.afterEvent.length; i++) {
            listeners.afterEvent[i].afterEvent(this);
        }
    }

    /**
     * Delivers messages in flight, and the messages they cause, until none is left, without moving the clock or
     * firing timers, except a batching leader's flush: when the wire is empty the instant ends, and what was proposed
     * in it goes out (and is delivered in turn). Returns how many were delivered; stops after {@code limit} and
     * throws, as a livelock guard.
     */
    public int stabilize(int limit) {
        requireRunning();
        int delivered = 0;
        while (true) {
            dropDoneMessages();
            InFlight m = wire.poll();
            if (m == null) {
                if (fireDueFlush()) {
                    continue;
                }
                return delivered;
            }
            if (delivered == limit || Interrupts.requested()) {
                wire.add(m);
                Interrupts.poll(now);
                throw new IllegalStateException("messages still in flight after " + limit + " deliveries");
            }
            cause = m;
            try {
                deliverNow(m);
            } catch (NodeFailure f) {
                throw stopped(f);
            }
            delivered++;
            afterEvent();
        }
    }

    private void fire(TimerFiring t) {
        if (t.action != null) {
            t.action.run();
            return;
        }
        RaftNode node = nodes[t.node];
        if (!up[t.node]) {
            return;
        }
        if (!current(t)) {
            return; // superseded by a later arming or a cancel
        }
        if (t.kind == TimerKind.FLUSH) {
            flushArmed[t.node] = false;
        }
        if (t.kind == TimerKind.ELECTION) {
            electionDue[t.node] = 0;
            electionArmedGen[t.node] = 0;
            electionQueued[t.node] = null;
        }
        apply(t.node, node.timeout(t.kind));
    }

    private void deliverNow(InFlight m) {
        m.done = true;
        Message message = m.message;
        int to = m.to;
        if (ClientRequest.isClient(to)) {
            deliverToClient(m);
            return;
        }
        String why = !up[to] ? DOWN_WHY[to] : network.linkDown(m.from, to);
        if (why != null) {
            drop(m, why);
            return;
        }
        stats.count(m.kind, Stats.DELIVERED, to);
        for (int li = 0; li < listeners.delivered.length; li++) {
            SimListener l = listeners.delivered[li];
            l.delivered(now, m);
        }
        // A client's request is a proposal: the node never sees it as a message.
        apply(to, message instanceof ClientRequest r ? nodes[to].propose(r.command()) : nodes[to].receive(message));
    }

    /** A node's answer reaches its client: the first final answer to a request is its result; copies are not news. */
    private void deliverToClient(InFlight m) {
        stats.count(m.kind, Stats.DELIVERED, m.to);
        for (int li = 0; li < listeners.delivered.length; li++) {
            listeners.delivered[li].delivered(now, m);
        }
        ClientReply r = ((ClientResponse) m.message).reply();
        ClientOp op = clientLinks.answered(r.requestId());
        if (op == null) {
            return;
        }
        for (int li = 0; li < listeners.clientReply.length; li++) {
            listeners.clientReply[li].clientReply(now, op, r);
        }
    }

    private void drop(InFlight m, String why) {
        m.done = true;
        stats.count(m.kind, Stats.DROPPED, m.to);
        for (int li = 0; li < listeners.dropped.length; li++) {
            SimListener l = listeners.dropped[li];
            l.dropped(now, m, why);
        }
    }

    // ---------------------------------------------------------------------------------------------- messages by hand

    /** Whether ticking delivers messages. With hold on they wait for {@link #deliver}; timers still fire. */
    public void setHold(boolean on) {
        hold = on;
    }

    public boolean hold() {
        return hold;
    }

    /** The message in flight with this id, or null. */
    public InFlight message(long id) {
        for (InFlight m : wire) {
            if (m.id == id && !m.done) {
                return m;
            }
        }
        return null;
    }

    /** Delivers the message now, whatever its due time. */
    public void deliver(InFlight m) {
        requireRunning();
        requireInFlight(m);
        wire.remove(m);
        cause = m;
        try {
            deliverNow(m);
        } catch (NodeFailure f) {
            throw stopped(f);
        }
        afterEvent();
    }

    /** Removes the message from the wire. */
    public void dropByUser(InFlight m) {
        requireInFlight(m);
        wire.remove(m);
        cause = "the user drops #" + m.id;
        drop(m, "dropped by the user");
        afterEvent();
    }

    /** Puts a second copy of the message on the wire, with a new id and its own latency. Returns the copy. */
    public InFlight duplicate(InFlight m) {
        requireInFlight(m);
        InFlight copy = new InFlight(nextMessageId++, m, now, now + network.latency(m.kind, link(m.from, m.to)), seq++);
        wire.add(copy);
        stats.count(m.kind, Stats.DUPLICATED, m.from);
        for (int li = 0; li < listeners.sent.length; li++) {
            SimListener l = listeners.sent[li];
            l.sent(now, copy);
        }
        return copy;
    }

    /** Makes the message due {@code ms} later. */
    public void delay(InFlight m, long ms) {
        requireInFlight(m);
        wire.remove(m);
        InFlight later = new InFlight(m.id, m, m.sentAt, Math.max(now, m.time) + ms, seq++);
        wire.add(later);
        m.done = true;
    }

    private void requireInFlight(InFlight m) {
        if (m == null || m.done) {
            throw new IllegalArgumentException("that message is no longer in flight");
        }
    }

    public Network network() {
        return network;
    }

    /** Fires node {@code id}'s election timer now, as if its timeout had run out. */
    public void fireElectionTimeout(int id) {
        requireRunning();
        requireUp(id);
        electionGen[id]++;
        electionDue[id] = 0;
        cause = "n" + id + "'s election timer is fired by the user";
        try {
            apply(id, nodes[id].timeout(TimerKind.ELECTION));
        } catch (NodeFailure f) {
            throw stopped(f);
        }
        afterEvent();
    }

    /**
     * A new node joins the simulation (the lab's {@code add-node}): the next unused id, an empty disk, its own random
     * streams. It boots as a follower that is in no configuration yet: it votes and stands for nothing until a leader
     * sends it a log (or a snapshot) whose configuration names it. Returns its id.
     */
    public int addNode() {
        requireRunning();
        int id = members.length + 1;
        if (id > CAPACITY) {
            throw new IllegalStateException("the lab runs at most " + CAPACITY + " nodes; no more can join");
        }
        members = java.util.Arrays.copyOf(members, id);
        members[id - 1] = id;
        network.grow(id);
        timerRandom[id] = SimRandom.stream(config.seed(), SimRandom.NODE_TIMERS, id, 0);
        for (int other : members) {
            linkRandom[id][other] = SimRandom.stream(config.seed(), SimRandom.LINK, id, other);
            linkRandom[other][id] = SimRandom.stream(config.seed(), SimRandom.LINK, other, id);
        }
        disks[id] = new Disk(config.syncMs());
        cause = "n" + id + " joins the simulation";
        boot(id);
        afterEvent();
        return id;
    }

    /** Asks leader {@code leader} to change the configuration to {@code target} (add-node, promote, remove-node...). */
    public void changeMembership(int leader, raftlab.raft.Configuration target) {
        requireRunning();
        requireUp(leader);
        cause = "the user asks n" + leader + " to change the configuration to " + target.format();
        try {
            apply(leader, nodes[leader].changeMembership(target));
        } catch (NodeFailure f) {
            throw stopped(f);
        }
        afterEvent();
    }

    /** Asks leader {@code leader} to hand leadership to {@code target} (the lab's {@code transfer} command). */
    public void transferLeadership(int leader, int target) {
        requireUp(leader);
        cause = "the user asks n" + leader + " to transfer leadership to n" + target;
        apply(leader, nodes[leader].transferLeadership(target));
        afterEvent();
    }

    // ---------------------------------------------------------------------------------------------- faults

    /** Stops node {@code id}: its volatile state is gone, messages to it are lost, its timers never fire. */
    public void crash(int id) {
        requireUp(id);
        cause = "n" + id + " crashes";
        stop(id, "n" + id + " crashed before answering");
    }

    /**
     * Node {@code id} loses power: like {@link #crash}, and its disk also loses every write not yet durable (with
     * {@code --sync 0} every write is durable at once, so this is a crash).
     */
    public void powerLoss(int id) {
        requireUp(id);
        cause = "n" + id + " loses power";
        disks[id].losePower(now);
        stop(id, "n" + id + " lost power before answering");
    }

    private void stop(int id, String lostWhy) {
        touches[id]++;
        up[id] = false;
        incarnation[id]++;
        nodes[id] = null;
        electionGen[id]++;
        heartbeatGen[id]++;
        leaseGen[id]++;
        flushGen[id]++;
        flushArmed[id] = false;
        electionDue[id] = 0;
        List<ClientOp> lost = new ArrayList<>();
        for (ClientOp op : outstanding.inIdOrder()) {
            if (op.node() == id) {
                lost.add(op);
            }
        }
        for (ClientOp op : lost) {
            outstanding.remove(op.requestId());
            for (int li = 0; li < listeners.clientLost.length; li++) {
                SimListener l = listeners.clientLost[li];
                l.clientLost(now, op, lostWhy);
            }
        }
        afterEvent();
    }

    /** Node {@code id} takes a snapshot now of what it has applied (the {@code snapshot} command, a fault kind). */
    public void compact(int id) {
        requireUp(id);
        cause = "n" + id + " is asked to take a snapshot";
        apply(id, nodes[id].compact());
        afterEvent();
    }

    /** Brings node {@code id} back from its persistent state, as a follower with empty volatile state. */
    public void restart(int id) {
        checkId(id);
        if (up[id]) {
            throw new IllegalStateException("n" + id + " is already up");
        }
        requireRunning();
        cause = "n" + id + " restarts";
        boot(id);
        afterEvent();
    }

    // ---------------------------------------------------------------------------------------------- clients

    /** Sends a client request to node {@code id} now; the answer arrives through the listeners. */
    public long submit(int id, CommandKind kind, String key, String value) {
        Command command = new Command(kind, key, value, nextRequestId); // made with its id: one command, not two
        requireRunning();
        requireUp(id);
        long requestId = nextRequestId++;
        return submit(new ClientOp(requestId, command, id, now));
    }

    /** As {@link #submit(int, CommandKind, String, String)}, for any command (a cas); its request id is set here. */
    public long submit(int id, Command command) {
        requireRunning();
        requireUp(id);
        long requestId = nextRequestId++;
        return submit(new ClientOp(requestId, command.withRequestId(requestId), id, now));
    }

    private long submit(ClientOp op) {
        long requestId = op.requestId();
        int id = op.node();
        outstanding.put(op);
        cause = op; // described only if asked, by lastEvent()
        try {
            apply(id, nodes[id].propose(op.command()));
        } catch (NodeFailure f) {
            throw stopped(f);
        }
        afterEvent();
        return requestId;
    }

    /**
     * Client {@code client} sends {@code command} (with its session fields: client id and sequence number) to node
     * {@code node} over the virtual network, as a {@link ClientRequest} on the client's own link: it can be held,
     * lost, duplicated or delayed, and the node's final answer comes back the same way as a
     * {@link ClientResponse}. Each call is a new attempt with a request id of its own, which it returns. Nothing is
     * reported lost when the node crashes: the client finds out by waiting.
     */
    public long sendRequest(int client, int node, Command command) {
        requireRunning();
        checkId(node);
        long requestId = nextRequestId++;
        ClientOp op = new ClientOp(requestId, command.withRequestId(requestId), node, now);
        clientLinks.sent(op);
        cause = new Sending(client, op); // described only if asked, by lastEvent()
        for (int li = 0; li < listeners.clientSent.length; li++) {
            listeners.clientSent[li].clientSent(now, op);
        }
        send(new ClientRequest(ClientRequest.endpoint(client), node, op.command()));
        afterEvent();
        return requestId;
    }

    /** A client sending a request over the network, as an event's cause: put in words only when asked. */
    private record Sending(int client, ClientOp op) {
        @Override
        public String toString() {
            return "c" + client + " sends request #" + op.requestId() + " " + op.describe() + " to n" + op.node();
        }
    }

    /** A client id no client of this cluster has used (1, 2, ...; 0 is the shell's own client). */
    public int newClient() {
        return clientLinks.newClient();
    }

    /**
     * Runs {@code action} at virtual time {@code time} (not before now), as an event of its own: simulated clients
     * use it to act in virtual time. Actions due at the same time run in the order they were scheduled.
     */
    public void at(long time, Runnable action) {
        timers.add(new TimerFiring(Math.max(time, now), seq++, action, "a client acts"));
    }

    /** The event processed last, in words, e.g. {@code n4 receives AppendEntries #88 from n2}. */
    public String lastEvent() {
        Object c = cause;
        if (c == null) {
            return "no event yet";
        }
        if (c instanceof InFlight) {
            InFlight m = (InFlight) c;
            return endpoint(m.message.to()) + " receives " + m.message.type() + " #" + m.id + " from "
                    + endpoint(m.message.from());
        }
        if (c instanceof ClientOp) {
            ClientOp op = (ClientOp) c;
            return "client request #" + op.requestId() + " " + op.describe() + " reaches n" + op.node();
        }
        if (c instanceof TimerFiring) {
            TimerFiring t = (TimerFiring) c;
            if (t.action != null) {
                return t.describeAction();
            }
            return "n" + t.node + "'s " + t.kind.label() + " timer fires";
        }
        return c.toString();
    }

    /** {@code n3} for a node, {@code c1} for a client. */
    private static String endpoint(int id) {
        return ClientRequest.isClient(id) ? "c" + ClientRequest.clientOf(id) : "n" + id;
    }

    // ---------------------------------------------------------------------------------------------- queries

    public long now() {
        return now;
    }

    public long seed() {
        return config.seed();
    }

    public ClusterConfig config() {
        return config;
    }

    public int size() {
        return members.length;
    }

    public boolean isUp(int id) {
        return up[id];
    }

    /** The live node, or null if it is down. */
    public RaftNode node(int id) {
        return nodes[id];
    }

    /** What the node's disk holds (written, durable or not): readable even while the node is down. */
    public PersistentState disk(int id) {
        return disks[id].state();
    }

    /** What of the node's disk is durable now (what a power loss would leave): the same as {@link #disk} at --sync 0. */
    public PersistentState durableDisk(int id) {
        return disks[id].durable(now);
    }

    /**
     * A count that moves whenever node {@code id} may have changed in anything but its disk's durable part: it was
     * stepped, its disk written, or it booted, crashed or lost power. Equal counts mean the node object and its disk's
     * contents are as they were, and so is its state if the node changes only when stepped, as the lab's own does
     * (nodes of another implementation might share state). What of a disk is durable also moves with time alone.
     */
    public long touches(int id) {
        return touches[id];
    }

    /** Whether every write node {@code id}'s disk has taken is durable now (always, with {@code --sync 0}). */
    public boolean allDurable(int id) {
        return disks[id].durableAt(now) <= now;
    }

    /** Sets how fast node {@code id}'s clock runs (1: in step with virtual time); its timers armed from now on follow. */
    public void setClockRate(int id, double rate) {
        checkId(id);
        if (!(rate > 0)) {
            throw new IllegalArgumentException("a clock rate is above 0, not " + rate);
        }
        clockRate[id] = rate;
    }

    /** How fast node {@code id}'s clock runs against virtual time (1 unless skewed). */
    public double clockRate(int id) {
        return clockRate[id];
    }

    /**
     * Whether node {@code id} (a batching leader) holds entries proposed in this instant, to send when it ends: its
     * flush timer is armed and has not fired.
     */
    public boolean flushPending(int id) {
        return flushArmed[id];
    }

    /** When node {@code id}'s election timer fires next, or 0 if it is not armed. */
    public long electionDue(int id) {
        return electionDue[id];
    }

    public boolean validId(int id) {
        return id >= 1 && id <= members.length;
    }

    /** The node ids, ascending. */
    public int[] ids() {
        return members.clone();
    }

    /** The configuration the cluster started with (nodes 1..N); a node's configuration in force is its own. */
    public Quorum voters() {
        return voters;
    }

    /** The live leader with the highest term, or 0 if no live node leads. */
    public int leader() {
        int best = 0;
        for (int id : members) {
            if (up[id] && nodes[id].role() == Role.LEADER
                    && (best == 0 || nodes[id].currentTerm() > nodes[best].currentTerm())) {
                best = id;
            }
        }
        return best;
    }

    /** Ids of every live node in the leader role, ascending. */
    public List<Integer> leaders() {
        List<Integer> out = new ArrayList<>();
        for (int id : members) {
            if (up[id] && nodes[id].role() == Role.LEADER) {
                out.add(id);
            }
        }
        return out;
    }

    /** Requests sent and not yet answered with a final result, by request id. */
    public Map<Long, ClientOp> outstanding() {
        return outstanding.asMap();
    }

    /** Messages on the wire, by id. */
    public List<InFlight> inFlight() {
        List<InFlight> out = new ArrayList<>();
        for (InFlight m : wire) {
            if (!m.done) {
                out.add(m);
            }
        }
        out.sort((a, b) -> Long.compare(a.id, b.id));
        return out;
    }

    /** Whether any message is on the wire. */
    public boolean anyInFlight() {
        dropDoneMessages();
        return !wire.isEmpty();
    }

    public Set<Bug> bugs() {
        return bugs;
    }

    public Stats stats() {
        return stats;
    }

    /** The random stream of the link from endpoint {@code from} to endpoint {@code to} (a client's is below 0). */
    private SimRandom link(int from, int to) {
        return from < 0 || to < 0 ? clientLinks.stream(from, to) : linkRandom[from][to];
    }

    private void checkId(int id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("no node " + id + "; nodes are 1.." + members.length);
        }
    }

    private void requireUp(int id) {
        checkId(id);
        if (!up[id]) {
            throw new IllegalStateException("n" + id + " is down; restart it with `restart " + id + "`");
        }
    }

    // ---------------------------------------------------------------------------------------------- node glue

    /**
     * Carries out one step's batch for node {@code id}: the disk write, then events and timer requests, then the
     * messages and client replies, which wait until the node's disk has made every write so far durable, unless
     * {@code ack-before-persist} is on. Output left waiting is dropped if the node stops before it is sent.
     *
     * <p>The node hears that its write is durable through {@link RaftNode#persisted}: when writes are durable at once,
     * in this same step, after the batch's events and timers and before its output (so a one-node leader's commit is
     * reported where it always was); otherwise as an event of its own at the time the write becomes durable, before
     * the output that waited for it.
     *
     * <p>A batch is valid only until its node's next step (a node may fill the same one again): output that waits for
     * the disk is kept as a {@link Effects#copy}, and output that waits only for {@link RaftNode#persisted} in this
     * same step is kept on {@link #keptOutput}.
     */
    private void apply(int id, Effects fx) {
        touches[id]++; // the step that made fx may have changed the node; its write changes the disk
        DiskWrite w = fx.persist();
        long durableAt = w != null ? disks[id].write(w, now) : disks[id].durableAt(now);
        effectsAndTimers(id, fx);
        boolean hasOutput = fx.hasOutput();
        boolean sendNow = durableAt <= now || bugs.contains(Bug.ACK_BEFORE_PERSIST);
        int keptAt = -1;
        int keptMessages = 0;
        int keptReplies = 0;
        Effects heard = null;
        if (w != null) {
            PersistentState disk = disks[id].state();
            long index = disk.log().lastIndex();
            long term = disk.log().termAt(index);
            if (durableAt <= now) {
                if (hasOutput) {
                    keptMessages = fx.messageCount();
                    keptReplies = fx.replyCount();
                    keptAt = keepOutput(fx); // persisted() is the node's next step: fx may be filled again
                }
                heard = nodes[id].persisted(index, term);
                heard = heardAtOnce(id, heard);
            } else {
                long inc = incarnation[id];
                timers.add(new TimerFiring(durableAt, seq++, () -> {
                    if (incarnation[id] == inc) {
                        apply(id, nodes[id].persisted(index, term));
                    }
                }, id, "'s disk write is durable"));
            }
        }
        if (hasOutput) {
            if (keptAt >= 0) {
                outputKept(keptAt, keptMessages, keptReplies);
            } else if (sendNow) {
                output(fx);
            } else {
                long inc = incarnation[id];
                Effects waiting = fx.copy();
                timers.add(new TimerFiring(durableAt, seq++, () -> {
                    if (incarnation[id] == inc) {
                        output(waiting);
                    }
                }, id, "'s disk write is durable and its messages leave"));
            }
        }
        if (heard != null && heard.hasOutput()) {
            output(heard); // durable at once: nothing to wait for
        }
    }

    /**
     * Puts the batch's messages, then its replies, on {@link #keptOutput} as one frame; returns where it starts.
     * Frames are taken off in the reverse order: a nested apply (the answer to persisted() writing again) keeps and
     * sends its own above its caller's.
     */
    private int keepOutput(Effects fx) {
        int at = keptTop;
        int messages = fx.messageCount();
        int replies = fx.replyCount();
        int end = at + messages + replies;
        if (end > keptOutput.length) {
            keptOutput = java.util.Arrays.copyOf(keptOutput, Math.max(end, keptOutput.length * 2));
        }
        for (int i = 0; i < messages; i++) {
            keptOutput[at + i] = fx.message(i);
        }
        for (int i = 0; i < replies; i++) {
            keptOutput[at + messages + i] = fx.reply(i);
        }
        keptTop = end;
        return at;
    }

    /** Sends the frame kept at {@code at} (as {@link #output} would the batch it came from), then takes it off. */
    private void outputKept(int at, int messages, int replies) {
        for (int i = 0; i < messages; i++) {
            send((Message) keptOutput[at + i]); // the field read each time: a listener's own steps may grow it
        }
        for (int i = 0; i < replies; i++) {
            reply((ClientReply) keptOutput[at + messages + i]);
        }
        java.util.Arrays.fill(keptOutput, at, at + messages + replies, null);
        keptTop = at;
    }

    /**
     * The node's answer to {@link RaftNode#persisted} when its write was durable at once: its events and timers now;
     * its output is left to the caller, to go after the batch that made the write. Should the answer write again,
     * that write is carried out in full (it too is durable at once).
     */
    private Effects heardAtOnce(int id, Effects heard) {
        if (heard.persist() != null) {
            apply(id, heard);
            return null;
        }
        effectsAndTimers(id, heard);
        return heard;
    }

    private void effectsAndTimers(int id, Effects fx) {
        // With no one listening, the events are not read at all: a node's commit and apply events are then never made.
        int events = listeners.nodeEvent.length == 0 ? 0 : fx.eventCount();
        for (int i = 0; i < events; i++) {
            NodeEvent e = fx.event(i);
            for (int li = 0; li < listeners.nodeEvent.length; li++) {
                SimListener l = listeners.nodeEvent[li];
                l.nodeEvent(now, e);
            }
        }
        int timerRequests = fx.timerCount();
        for (int i = 0; i < timerRequests; i++) {
            timer(id, fx.timer(i));
        }
    }

    private void timer(int id, TimerRequest t) {
        if (t.arm() && clockRate[id] != 1.0 && t.delayMs() > 0) {
            // The node asked for so many ms of its own clock: that is longer in virtual time if its clock is slow.
            t = TimerRequest.arm(t.timer(), Math.max(1, Math.round(t.delayMs() / clockRate[id])));
        }
        long generation = switch (t.timer()) {
            case ELECTION -> election(id, t);
            case HEARTBEAT -> heartbeat(id, t);
            case LEASE -> lease(id, t);
            case FLUSH -> flush(id, t);
        };
        assert generation > 0;
    }

    /** Arms or cancels node {@code id}'s election timer; returns its new generation. */
    private long election(int id, TimerRequest t) {
        long gen = ++electionGen[id];
        if (t.arm()) {
            long time = now + t.delayMs();
            long s = seq++;
            electionDue[id] = time;
            electionArmedTime[id] = time;
            electionArmedSeq[id] = s;
            electionArmedGen[id] = gen;
            TimerFiring queued = electionQueued[id];
            if (queued == null || queued.time > time || queued.time == time && queued.seq > s) {
                TimerFiring f = new TimerFiring(time, s, id, TimerKind.ELECTION, gen);
                timers.add(f); // nothing earlier in the queue will stand in for it
                electionQueued[id] = f;
            }
        } else {
            electionDue[id] = 0;
            electionArmedGen[id] = 0;
        }
        return gen;
    }

    /** Arms or cancels node {@code id}'s heartbeat timer; returns its new generation. */
    private long heartbeat(int id, TimerRequest t) {
        long gen = ++heartbeatGen[id];
        if (t.arm()) {
            timers.add(new TimerFiring(now + t.delayMs(), seq++, id, TimerKind.HEARTBEAT, gen));
        }
        return gen;
    }

    /** Arms or cancels node {@code id}'s lease timer (PreVote, CheckQuorum); returns its new generation. */
    private long lease(int id, TimerRequest t) {
        long gen = ++leaseGen[id];
        if (t.arm()) {
            timers.add(new TimerFiring(now + t.delayMs(), seq++, id, TimerKind.LEASE, gen));
        }
        return gen;
    }

    /** Arms or cancels node {@code id}'s flush timer (batching); returns its new generation. */
    private long flush(int id, TimerRequest t) {
        long gen = ++flushGen[id];
        flushArmed[id] = t.arm();
        if (t.arm()) {
            timers.add(new TimerFiring(now + t.delayMs(), seq++, id, TimerKind.FLUSH, gen));
        }
        return gen;
    }

    private void output(Effects fx) {
        int messages = fx.messageCount();
        for (int i = 0; i < messages; i++) {
            send(fx.message(i));
        }
        int replies = fx.replyCount();
        for (int i = 0; i < replies; i++) {
            reply(fx.reply(i));
        }
    }

    private void send(Message m) {
        // One interface call for the kind, then the record's own fields (see MessageFields); the wire entry keeps them.
        MessageType kind = MessageFields.kind(m);
        int from = MessageFields.from(m, kind);
        int to = MessageFields.to(m, kind);
        stats.count(kind, Stats.SENT, from);
        SimRandom random = link(from, to);
        String lost = network.lossAtSend(from, to, random);
        InFlight f = new InFlight(nextMessageId++, m, from, to, kind, now, now + network.latency(kind, random), seq++);
        for (int li = 0; li < listeners.sent.length; li++) {
            SimListener l = listeners.sent[li];
            l.sent(now, f);
        }
        if (lost != null) {
            drop(f, lost);
            return;
        }
        wire.add(f);
        if (network.duplicate(random)) {
            duplicate(f);
        }
    }

    private void reply(ClientReply r) {
        ClientOp sent = clientLinks.get(r.requestId());
        if (sent != null) {
            // Over the network only a final answer travels; "accepted" is not something a client waits for.
            if (r.status() != ClientReply.Status.ACCEPTED) {
                send(new ClientResponse(sent.node(), ClientRequest.endpoint(sent.command().client()), r));
            }
            return;
        }
        ClientOp op = outstanding.get(r.requestId());
        if (op == null) {
            return; // answered already, or its node crashed
        }
        if (r.status() != ClientReply.Status.ACCEPTED) {
            outstanding.remove(r.requestId());
        }
        for (int li = 0; li < listeners.clientReply.length; li++) {
            SimListener l = listeners.clientReply[li];
            l.clientReply(now, op, r);
        }
    }
}
