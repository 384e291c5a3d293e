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
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final TreeMap<Long, ClientOp> outstanding = new TreeMap<>();
    private final List<SimListener> listeners = new ArrayList<>();
    private final Stats stats = new Stats();

    private long now;
    private long seq;
    private long nextMessageId = 1;
    private long nextRequestId = 1;
    private long latencyMin;
    private long latencyMax;

    public Cluster(ClusterConfig config) {
        if (config.size() < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node");
        }
        this.config = config;
        this.random = new SimRandom(config.seed());
        this.latencyMin = config.latencyMin();
        this.latencyMax = config.latencyMax();
        int n = config.size();
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
        while (!queue.isEmpty() && queue.peek().time <= target) {
            step();
        }
        now = target;
    }

    /** Processes the next event, moving the clock to it. Returns false if nothing is scheduled. */
    public boolean step() {
        Scheduled s = queue.poll();
        if (s == null) {
            return false;
        }
        now = s.time;
        if (s instanceof InFlight) {
            InFlight m = (InFlight) s;
            if (m.done) {
                return true;
            }
            deliverNow(m);
        } else {
            fire((TimerFiring) s);
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).afterEvent(this);
        }
        return true;
    }

    private void fire(TimerFiring t) {
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
        if (!up[to]) {
            stats.dropped(m.message);
            for (SimListener l : listeners) {
                l.dropped(now, m, "n" + to + " is down");
            }
            return;
        }
        stats.delivered(m.message);
        for (SimListener l : listeners) {
            l.delivered(now, m);
        }
        nodes[to].receive(m.message);
    }

    /** Fires node {@code id}'s election timer now, as if its timeout had run out. */
    public void fireElectionTimeout(int id) {
        requireUp(id);
        electionGen[id]++;
        electionDue[id] = 0;
        nodes[id].electionTimeout();
        for (SimListener l : listeners) {
            l.afterEvent(this);
        }
    }

    // ---------------------------------------------------------------------------------------------- faults

    /** Stops node {@code id}: its volatile state is gone, messages to it are lost, its timers never fire. */
    public void crash(int id) {
        requireUp(id);
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
        for (SimListener l : listeners) {
            l.afterEvent(this);
        }
    }

    /** Brings node {@code id} back from its persistent state, as a follower with empty volatile state. */
    public void restart(int id) {
        checkId(id);
        if (up[id]) {
            throw new IllegalStateException("n" + id + " is already up");
        }
        boot(id);
        for (SimListener l : listeners) {
            l.afterEvent(this);
        }
    }

    // ---------------------------------------------------------------------------------------------- clients

    /** Sends a client request to node {@code id} now; the answer arrives through the listeners. */
    public long submit(int id, CommandKind kind, String key, String value) {
        requireUp(id);
        long requestId = nextRequestId++;
        ClientOp op = new ClientOp(requestId, new Command(kind, key, value, requestId), id, now);
        outstanding.put(requestId, op);
        nodes[id].propose(op.command());
        for (SimListener l : listeners) {
            l.afterEvent(this);
        }
        return requestId;
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
        for (Scheduled s : queue) {
            if (s instanceof InFlight && !((InFlight) s).done) {
                out.add((InFlight) s);
            }
        }
        out.sort((a, b) -> Long.compare(a.id, b.id));
        return out;
    }

    public Set<Bug> bugs() {
        return bugs;
    }

    public Stats stats() {
        return stats;
    }

    public long latencyMin() {
        return latencyMin;
    }

    public long latencyMax() {
        return latencyMax;
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
            long due = now + random.between(latencyMin, latencyMax);
            InFlight f = new InFlight(nextMessageId++, m, now, due, seq++);
            queue.add(f);
            stats.sent(m);
            for (SimListener l : listeners) {
                l.sent(now, f);
            }
        }

        @Override
        public void setElectionTimer(long delayMs) {
            long gen = ++electionGen[id];
            electionDue[id] = now + delayMs;
            queue.add(new TimerFiring(now + delayMs, seq++, id, TimerKind.ELECTION, gen));
        }

        @Override
        public void cancelElectionTimer() {
            electionGen[id]++;
            electionDue[id] = 0;
        }

        @Override
        public void setHeartbeatTimer(long delayMs) {
            long gen = ++heartbeatGen[id];
            queue.add(new TimerFiring(now + delayMs, seq++, id, TimerKind.HEARTBEAT, gen));
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
