package raftlab.byo;

import java.util.function.Supplier;

import raftlab.raft.AppendEntries;
import raftlab.raft.ClientReply;
import raftlab.raft.Command;
import raftlab.raft.Configuration;
import raftlab.raft.DiskWrite;
import raftlab.raft.Effects;
import raftlab.raft.Entry;
import raftlab.raft.Message;
import raftlab.raft.NodeEvent;
import raftlab.raft.NodeFactory;
import raftlab.raft.NodeSetup;
import raftlab.raft.PersistentState;
import raftlab.raft.Progress;
import raftlab.raft.Quorum;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.raft.StateMachine;
import raftlab.raft.TimerKind;
import raftlab.raft.TimerRequest;
import raftlab.sim.NodeFailure;

/**
 * Runs an implementation of {@link RaftNode} that the lab does not trust (a learner's), and holds it to the contract:
 * a step must return in time and without throwing, its effects must be well formed (messages from this node to
 * another member of a configuration it has known, timers armed for at least 1 ms, disk writes that make sense),
 * and after each step the node must describe a possible state that its disk agrees with (term, vote and log as
 * written). The first breach becomes a {@link NodeFailure} naming the node, the step and the problem, and the node
 * stays failed: the run cannot go on.
 *
 * <p>These are failures of the code, not of the algorithm; the safety checkers judge the algorithm.
 */
public final class GuardedNode implements RaftNode {
    private final RaftNode node;
    private final int id;
    private final Quorum voters;
    /**
     * Every node this one may talk to and about: the starting voters, then every member of each configuration the
     * node has reported or been asked to change to. A node that implements membership change replicates to nodes
     * that joined after it started, and must not be failed for it.
     */
    private final java.util.BitSet known = new java.util.BitSet();
    /** The configuration {@link #known} last took its members from. */
    private Configuration lastLearned;
    private final String name;
    /** What the disk holds if every write this node returned was made: its state must agree after each step. */
    private final PersistentState shadow;
    private long lastTerm;
    private String failure;
    /** The step in progress is the flush timer's (see {@link #malformed}). */
    private boolean flushing;

    private GuardedNode(RaftNode node, NodeSetup setup, String name) {
        this.node = node;
        this.id = setup.id();
        this.voters = setup.voters();
        for (int v : voters.ids()) {
            known.set(v);
        }
        this.name = name;
        this.shadow = setup.restored().copy();
        this.lastTerm = shadow.currentTerm();
    }

    /**
     * A factory whose nodes are made by {@code inner} and guarded. Each node is given a copy of its disk, so it
     * cannot change the lab's. {@code name} names the implementation in failure lines.
     */
    public static NodeFactory guarding(NodeFactory inner, String name) {
        return setup -> {
            NodeSetup own = new NodeSetup(setup.id(), setup.voters(), setup.settings(), setup.bugs(),
                    setup.restored().copy(), setup.random(), setup.stateMachine());
            String where = "n" + setup.id() + " (" + name + ")";
            RaftNode made;
            StepWatchdog.Step watch = StepWatchdog.begin();
            try {
                try {
                    made = inner.create(own);
                } finally {
                    StepWatchdog.end(watch);
                }
            } catch (ThreadDeath d) {
                if (!watch.stopped) {
                    throw d;
                }
                throw new NodeFailure(where + " failed while being created: did not return within "
                        + StepWatchdog.BUDGET_MS + " ms of real time (an endless loop?)");
            } catch (RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
                throw new NodeFailure(where + " failed while being created: " + thrown(e, name));
            }
            if (made == null) {
                throw new NodeFailure(where + " failed while being created: the factory returned null");
            }
            if (made.id() != setup.id()) {
                throw new NodeFailure(where + " says its id is " + made.id() + ", not " + setup.id());
            }
            return new GuardedNode(made, setup, name);
        };
    }

    @Override
    public Effects start() {
        return step("starting", node::start);
    }

    @Override
    public Effects receive(Message m) {
        return step("receiving " + m.type() + " from n" + m.from() + " [" + m.fields() + "]", () -> node.receive(m));
    }

    @Override
    public Effects timeout(TimerKind timer) {
        flushing = timer == TimerKind.FLUSH;
        try {
            return step("handling its " + timer.label() + " timeout", () -> node.timeout(timer));
        } finally {
            flushing = false;
        }
    }

    @Override
    public Effects propose(Command c) {
        return step("handling client request #" + c.requestId() + " " + c.describe(), () -> node.propose(c));
    }

    @Override
    public Effects persisted(long index, long term) {
        return step("hearing that its disk write up to index " + index + " (term " + term + ") is durable",
                () -> node.persisted(index, term));
    }

    @Override
    public Effects transferLeadership(int target) {
        return step("handing leadership to n" + target + " (transfer)", () -> node.transferLeadership(target));
    }

    @Override
    public Effects compact() {
        return step("taking a snapshot on request", node::compact);
    }

    @Override
    public Effects changeMembership(Configuration target) {
        learn(target);
        return step("changing the configuration to " + target.format(), () -> node.changeMembership(target));
    }

    private Effects step(String what, Supplier<Effects> call) {
        if (failure != null) {
            throw new NodeFailure(failure + " (the run stopped there; start again with `cluster`)");
        }
        Effects fx;
        StepWatchdog.Step watch = StepWatchdog.begin();
        try {
            try {
                fx = call.get();
            } finally {
                StepWatchdog.end(watch);
            }
        } catch (ThreadDeath d) {
            if (!watch.stopped) {
                throw d;
            }
            throw fail(what, "did not return within " + StepWatchdog.BUDGET_MS + " ms of real time (an endless loop?)");
        } catch (StackOverflowError e) {
            throw fail(what, "recursed without end (StackOverflowError)");
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw fail(what, "threw " + thrown(e, name));
        }
        if (fx == null) {
            throw fail(what, "returned null instead of an Effects batch (return new Effects() when nothing happens)");
        }
        learn(configuration());
        String bad = malformed(fx);
        if (bad == null) {
            bad = impossibleState();
        }
        if (bad != null) {
            throw fail(what, bad);
        }
        return fx;
    }

    private void learn(Configuration c) {
        if (c != null && c != lastLearned) { // a node reports the same configuration object step after step
            for (int m : c.members()) {
                known.set(m);
            }
            lastLearned = c;
        }
    }

    /** The nodes this one may address, for a failure line: "[1, 2, 3]". */
    private String knownIds() {
        return known.toString().replace('{', '[').replace('}', ']');
    }

    private NodeFailure fail(String what, String problem) {
        failure = "n" + id + " (" + name + ") failed while " + what + ": " + problem;
        return new NodeFailure(failure);
    }

    /** What is wrong with the batch, or null. Applies its disk write to the shadow disk. */
    private String malformed(Effects fx) {
        DiskWrite w = fx.persist();
        if (w != null) {
            if (w.keepEntries() < 0 || w.keepEntries() > shadow.log().lastIndex()) {
                return "its DiskWrite keeps " + w.keepEntries() + " entries of a disk log holding "
                        + shadow.log().lastIndex();
            }
            if (w.currentTerm() < shadow.currentTerm()) {
                return "its DiskWrite lowers the term on disk from " + shadow.currentTerm() + " to " + w.currentTerm();
            }
            if (w.votedFor() != 0 && (w.votedFor() < 0 || !known.get(w.votedFor()))) {
                return "its DiskWrite records a vote for n" + w.votedFor() + ", who is in no configuration it has "
                        + "known " + knownIds();
            }
            for (Entry e : w.appended()) {
                if (e == null || e.command() == null) {
                    return "its DiskWrite appends a null entry or an entry without a command";
                }
                if (e.term() < 1 || e.term() > w.currentTerm()) {
                    return "its DiskWrite appends an entry of term " + e.term() + " while the term is "
                            + w.currentTerm();
                }
            }
            shadow.apply(w);
        }
        for (Message m : fx.messages()) {
            if (m == null) {
                return "it sends a null message";
            }
            if (m.from() != id) {
                return "it sends " + m.type() + " as from n" + m.from() + "; a node sends only as itself (n" + id + ")";
            }
            if (m.to() == id || m.to() < 0 || !known.get(m.to())) {
                return "it sends " + m.type() + " to n" + m.to() + "; send only to the other members of its "
                        + "configurations " + knownIds();
            }
            if (m instanceof AppendEntries && ((AppendEntries) m).entries() == null) {
                return "it sends AppendEntries with entries null (use List.of() for a heartbeat)";
            }
        }
        for (ClientReply r : fx.replies()) {
            if (r == null || r.status() == null) {
                return "it answers a client with a null reply or status";
            }
        }
        for (TimerRequest t : fx.timers()) {
            if (t == null || t.timer() == null) {
                return "it asks for a null timer";
            }
            // A flush timer of 0 ms fires at the end of this instant (batching); any other timer at 0 ms, or a flush
            // armed again by the flush itself, would keep the clock from ever moving on.
            boolean endOfInstant = t.timer() == TimerKind.FLUSH && t.delayMs() == 0;
            if (t.arm() && endOfInstant && flushing) {
                return "it arms its flush timer for 0 ms again while handling it: the instant would never end";
            }
            if (t.arm() && t.delayMs() < 1 && !endOfInstant) {
                return "it arms its " + t.timer().label() + " timer for " + t.delayMs() + " ms; arm for 1 ms or more"
                        + " (0 ms only for the flush timer)";
            }
        }
        for (NodeEvent e : fx.events()) {
            if (e == null || e.kind() == null || e.node() != id || e.role() == null) {
                return "it reports a malformed event (null, without kind or role, or for another node)";
            }
        }
        return null;
    }

    /** What is impossible about the node's state after a step, or null. */
    private String impossibleState() {
        Role role = role();
        long term = currentTerm();
        int vote = votedFor();
        int leader = leaderId();
        RaftLogView log = log();
        if (role == null || log == null || stateMachine() == null) {
            return "it reports a null role, log or state machine";
        }
        if (term < lastTerm) {
            return "its term went back from " + lastTerm + " to " + term;
        }
        lastTerm = term;
        if (vote != 0 && (vote < 0 || !known.get(vote))) {
            return "it reports a vote for n" + vote + ", who is in no configuration it has known " + knownIds();
        }
        if (leader != 0 && (leader < 0 || !known.get(leader))) {
            return "it reports n" + leader + " as leader, who is in no configuration it has known " + knownIds();
        }
        long commit = commitIndex();
        long applied = lastApplied();
        if (commit < 0 || commit > log.lastIndex()) {
            return "its commitIndex " + commit + " is outside its log 0.." + log.lastIndex();
        }
        if (applied < 0 || applied > commit) {
            return "its lastApplied " + applied + " is outside 0..commitIndex " + commit;
        }
        if (term != shadow.currentTerm() || vote != shadow.votedFor()) {
            return "its term and vote (" + term + ", " + vote + ") differ from what it wrote to disk ("
                    + shadow.currentTerm() + ", " + shadow.votedFor() + "): persist them with a DiskWrite in the "
                    + "same step";
        }
        RaftLogView disk = shadow.log();
        if (log.lastIndex() != disk.lastIndex() || log.lastTerm() != disk.lastTerm()) {
            return "its log (last index " + log.lastIndex() + ", term " + log.lastTerm()
                    + ") differs from what it wrote to disk (last index " + disk.lastIndex() + ", term "
                    + disk.lastTerm() + "): persist log changes with a DiskWrite in the same step";
        }
        return null;
    }

    /** A throwable in one line: its class, message and the first place in the implementation's own code. */
    static String thrown(Throwable e, String name) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage().lines().findFirst().orElse(""));
        }
        StackTraceElement at = null;
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().equals(name) || f.getClassName().startsWith(name + "$")
                    || f.getClassName().endsWith("." + name) || f.getClassName().contains("." + name + "$")) {
                at = f;
                break;
            }
        }
        if (at != null && at.getFileName() != null) {
            sb.append(" at ").append(at.getFileName()).append(':').append(at.getLineNumber());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ state, read-only

    private <T> T query(String what, Supplier<T> q) {
        StepWatchdog.Step watch = StepWatchdog.begin();
        try {
            try {
                return q.get();
            } finally {
                StepWatchdog.end(watch);
            }
        } catch (ThreadDeath d) {
            if (!watch.stopped) {
                throw d;
            }
            throw new NodeFailure("n" + id + " (" + name + ") failed while reporting its " + what + ": did not return"
                    + " within " + StepWatchdog.BUDGET_MS + " ms of real time (an endless loop?)");
        } catch (RuntimeException | StackOverflowError e) {
            throw new NodeFailure("n" + id + " (" + name + ") failed while reporting its " + what + ": threw "
                    + thrown(e, name));
        }
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Role role() {
        return query("role", node::role);
    }

    @Override
    public long currentTerm() {
        return query("term", node::currentTerm);
    }

    @Override
    public int votedFor() {
        return query("vote", node::votedFor);
    }

    @Override
    public int leaderId() {
        return query("leader", node::leaderId);
    }

    @Override
    public RaftLogView log() {
        return query("log", node::log);
    }

    @Override
    public long commitIndex() {
        return query("commitIndex", node::commitIndex);
    }

    @Override
    public long lastApplied() {
        return query("lastApplied", node::lastApplied);
    }

    @Override
    public StateMachine stateMachine() {
        return query("state machine", node::stateMachine);
    }

    @Override
    public Progress progress(int peer) {
        return query("progress", () -> node.progress(peer));
    }

    @Override
    public Configuration configuration() {
        return query("configuration", node::configuration);
    }
}
