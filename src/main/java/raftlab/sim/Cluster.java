package raftlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

import raftlab.raft.Bug;
import raftlab.raft.ClientReply;
import raftlab.raft.Command;
import raftlab.raft.CommandKind;
import raftlab.raft.Message;
import raftlab.raft.NodeEnv;
import raftlab.raft.NodeEvent;
import raftlab.raft.PersistentState;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;

/**
 * A whole simulated world: N Raft nodes, their disks, a virtual network and a virtual clock, all driven by one
 * event queue ordered by (time, sequence). Single-threaded by design: whoever owns a Cluster is the only one who
 * touches it. Time moves only when a caller moves it.
 */
public final class Cluster {
    private final ClusterConfig config;
    private final SimRandom random;
    private final int[] members;
    private final RaftNode[] nodes;
    private final PersistentState[] disks;
    private final boolean[] up;
    private final long[] electionGen;
    private final long[] heartbeatGen;
    private final long[] electionDue;
    private final Set<Bug> bugs = EnumSet.noneOf(Bug.class);
    /** Timers and messages wait in separate queues so that hold can stop messages while timers still fire. */
    private final PriorityQueue<TimerFiring> timers = new PriorityQueue<>();
    private final PriorityQueue<InFlight> wire = new PriorityQueue<>();
    private final Network network;
    private final TreeMap<Long, ClientOp> outstanding = new TreeMap<>();
    private final List<SimListener> listeners = new ArrayList<>();
    private final Stats stats = new Stats();

    private long now;
    private long seq;
    private long nextMessageId = 1;
    private long nextRequestId = 1;
    private boolean hold;
    /** What the last event was (a Scheduled, or a String for a user action); described only when asked. */
    private Object cause;

    public Cluster(ClusterConfig config) {
        if (config.size() < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
        this.config = config;
        this.random = new SimRandom(config.seed());
        int n = config.size();
        this.network = new Network(n, config.latencyMin(), config.latencyMax());
        members = new int[n];
        for (int i = 0; i < n; i++) {
            members[i] = i + 1;
        }
        nodes = new RaftNode[n + 1];
        disks = new PersistentState[n + 1];
        up = new boolean[n + 1];
        electionGen = new long[n + 1];
        heartbeatGen = new long[n + 1];
        electionDue = new long[n + 1];
        for (int id : members) {
            disks[id] = new PersistentState();
            boot(id);
        }
    }

    private void boot(int id) {
        up[id] = true;
        nodes[id] = new RaftNode(id, members, config.settings(), bugs, disks[id], new Env(id));
        nodes[id].start();
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
        dropDoneMessages();
        TimerFiring t = timers.peek();
        InFlight m = hold ? null : wire.peek();
        if (t == null) {
            return m;
        }
        if (m == null) {
            return t;
        }
        return t.compareTo(m) <= 0 ? t : m;
    }

    private void dropDoneMessages() {
        while (!wire.isEmpty() && wire.peek().done) {
            wire.poll();
        }
    }

    /**
     * Processes the next event if it is due by {@code deadline}; returns false (leaving the clock alone) otherwise.
     */
    public boolean stepUntil(long deadline) {
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
        if (s instanceof InFlight) {
            wire.poll();
            deliverNow((InFlight) s);
        } else {
            timers.poll();
            fire((TimerFiring) s);
        }
        afterEvent();
    }

    private void afterEvent() {
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).afterEvent(this);
        }
    }

    /**
     * Delivers messages in flight, and the messages they cause, until none is left, without moving the clock or
     * firing timers. Returns how many were delivered; stops after {@code limit} and throws, as a livelock guard.
     */
    public int stabilize(int limit) {
        int delivered = 0;
        while (true) {
            dropDoneMessages();
            InFlight m = wire.poll();
            if (m == null) {
                return delivered;
            }
            if (delivered == limit || Interrupts.requested()) {
                wire.add(m);
                Interrupts.poll(now);
                throw new IllegalStateException("messages still in flight after " + limit + " deliveries");
            }
            cause = m;
            deliverNow(m);
            delivered++;
            afterEvent();
        }
    }

    private void fire(TimerFiring t) {
        if (t.action != null) {
            t.action.run();
            return;
        }
        if (!up[t.node]) {
            return;
        }
        if (t.kind == TimerKind.ELECTION) {
            if (t.generation != electionGen[t.node]) {
                return;
            }
            electionDue[t.node] = 0;
            nodes[t.node].electionTimeout();
        } else {
            if (t.generation != heartbeatGen[t.node]) {
                return;
            }
            nodes[t.node].heartbeatTimeout();
        }
    }

    private void deliverNow(InFlight m) {
        m.done = true;
        int to = m.message.to();
        String why = !up[to] ? "n" + to + " is down" : network.linkDown(m.message);
        if (why != null) {
            drop(m, why);
            return;
        }
        stats.delivered(m.message);
        for (SimListener l : listeners) {
            l.delivered(now, m);
        }
        nodes[to].receive(m.message);
    }

    private void drop(InFlight m, String why) {
        m.done = true;
        stats.dropped(m.message);
        for (SimListener l : listeners) {
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
        requireInFlight(m);
        wire.remove(m);
        cause = m;
        deliverNow(m);
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
        InFlight copy = new InFlight(nextMessageId++, m.message, now, now + network.latency(m.message, random), seq++);
        wire.add(copy);
        stats.duplicated(m.message);
        for (SimListener l : listeners) {
            l.sent(now, copy);
        }
        return copy;
    }

    /** Makes the message due {@code ms} later. */
    public void delay(InFlight m, long ms) {
        requireInFlight(m);
        wire.remove(m);
        InFlight later = new InFlight(m.id, m.message, m.sentAt, Math.max(now, m.time) + ms, seq++);
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
        requireUp(id);
        electionGen[id]++;
        electionDue[id] = 0;
        cause = "n" + id + "'s election timer is fired by the user";
        nodes[id].electionTimeout();
        afterEvent();
    }

    // ---------------------------------------------------------------------------------------------- faults

    /** Stops node {@code id}: its volatile state is gone, messages to it are lost, its timers never fire. */
    public void crash(int id) {
        requireUp(id);
        cause = "n" + id + " crashes";
        up[id] = false;
        nodes[id] = null;
        electionGen[id]++;
        heartbeatGen[id]++;
        electionDue[id] = 0;
        List<ClientOp> lost = new ArrayList<>();
        for (ClientOp op : outstanding.values()) {
            if (op.node() == id) {
                lost.add(op);
            }
        }
        for (ClientOp op : lost) {
            outstanding.remove(op.requestId());
            for (SimListener l : listeners) {
                l.clientLost(now, op, "n" + id + " crashed before answering");
            }
        }
        afterEvent();
    }

    /** Brings node {@code id} back from its persistent state, as a follower with empty volatile state. */
    public void restart(int id) {
        checkId(id);
        if (up[id]) {
            throw new IllegalStateException("n" + id + " is already up");
        }
        cause = "n" + id + " restarts";
        boot(id);
        afterEvent();
    }

    // ---------------------------------------------------------------------------------------------- clients

    /** Sends a client request to node {@code id} now; the answer arrives through the listeners. */
    public long submit(int id, CommandKind kind, String key, String value) {
        requireUp(id);
        long requestId = nextRequestId++;
        ClientOp op = new ClientOp(requestId, new Command(kind, key, value, requestId), id, now);
        outstanding.put(requestId, op);
        cause = "client request #" + requestId + " " + op.describe() + " reaches n" + id;
        nodes[id].propose(op.command());
        afterEvent();
        return requestId;
    }

    /**
     * Runs {@code action} at virtual time {@code time} (not before now), as an event of its own: simulated clients
     * use it to act in virtual time. Actions due at the same time run in the order they were scheduled.
     */
    public void at(long time, Runnable action) {
        timers.add(new TimerFiring(Math.max(time, now), seq++, action));
    }

    /** The event processed last, in words, e.g. {@code n4 receives AppendEntries #88 from n2}. */
    public String lastEvent() {
        Object c = cause;
        if (c == null) {
            return "no event yet";
        }
        if (c instanceof InFlight) {
            InFlight m = (InFlight) c;
            return "n" + m.message.to() + " receives " + m.message.type() + " #" + m.id + " from n" + m.message.from();
        }
        if (c instanceof TimerFiring) {
            TimerFiring t = (TimerFiring) c;
            if (t.action != null) {
                return "a client acts";
            }
            return "n" + t.node + "'s " + (t.kind == TimerKind.ELECTION ? "election" : "heartbeat") + " timer fires";
        }
        return c.toString();
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

    /** The node's disk: readable even while the node is down. */
    public PersistentState disk(int id) {
        return disks[id];
    }

    /** When node {@code id}'s election timer fires next, or 0 if it is not armed. */
    public long electionDue(int id) {
        return electionDue[id];
    }

    public boolean validId(int id) {
        return id >= 1 && id <= members.length;
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
        return Collections.unmodifiableMap(outstanding);
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

    /** What one node sees of the world. */
    private final class Env implements NodeEnv {
        private final int id;

        Env(int id) {
            this.id = id;
        }

        @Override
        public void send(Message m) {
            stats.sent(m);
            String lost = network.lossAtSend(m, random);
            InFlight f = new InFlight(nextMessageId++, m, now, now + network.latency(m, random), seq++);
            for (SimListener l : listeners) {
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

        @Override
        public void setElectionTimer(long delayMs) {
            long gen = ++electionGen[id];
            electionDue[id] = now + delayMs;
            timers.add(new TimerFiring(now + delayMs, seq++, id, TimerKind.ELECTION, gen));
        }

        @Override
        public void cancelElectionTimer() {
            electionGen[id]++;
            electionDue[id] = 0;
        }

        @Override
        public void setHeartbeatTimer(long delayMs) {
            long gen = ++heartbeatGen[id];
            timers.add(new TimerFiring(now + delayMs, seq++, id, TimerKind.HEARTBEAT, gen));
        }

        @Override
        public void cancelHeartbeatTimer() {
            heartbeatGen[id]++;
        }

        @Override
        public int randomInt(int bound) {
            return random.nextInt(bound);
        }

        @Override
        public void event(NodeEvent e) {
            for (SimListener l : listeners) {
                l.nodeEvent(now, e);
            }
        }

        @Override
        public void reply(ClientReply r) {
            ClientOp op = outstanding.get(r.requestId());
            if (op == null) {
                return; // answered already, or its node crashed
            }
            if (r.status() != ClientReply.Status.ACCEPTED) {
                outstanding.remove(r.requestId());
            }
            for (SimListener l : listeners) {
                l.clientReply(now, op, r);
            }
        }
    }
}
