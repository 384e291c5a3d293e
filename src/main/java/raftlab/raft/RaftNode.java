package raftlab.raft;

/**
 * One Raft server, as the lab sees it: a deterministic state machine stepped by three kinds of input (a message, a
 * timer firing, a client proposal), plus {@link #start} when it boots. Each step returns one {@link Effects} batch:
 * the persistent state to write, the messages to send, the events to report, the answers to clients and the timer
 * requests. The simulation, the checkers and every view use only this interface, so any implementation can run in
 * the lab: {@link ReferenceNode} (Figure 2, rule by rule) is the lab's own, and a learner may write another (a public
 * class with a public constructor taking a {@link NodeSetup}; {@code cluster N --impl MyRaft.java} compiles and runs
 * it, {@code lab grade MyRaft.java} grades it; docs/your-own-raft.md walks through it, and examples/ has a skeleton).
 * The small factories on {@link NodeEvent}, {@link ClientReply}, {@link DiskWrite#whole} and {@link RaftLog#copyOf}
 * are there for such a node.
 *
 * <h2>The contract</h2>
 * <ul>
 * <li>No threads, no clock, no I/O, no static mutable state: everything a node does to the world is in the batch it
 *     returns, and time exists only as timer firings. Randomness comes only from {@link NodeSetup#random()}.</li>
 * <li>Persistence: a node keeps its own working copy of its persistent state (term, vote, log), starting from
 *     {@link NodeSetup#restored()}. Whenever a step changes any of it, the batch must carry a {@link DiskWrite} that
 *     brings the disk to the same state. The lab writes it before it sends that batch's messages and replies (a
 *     correct node may therefore answer as soon as it has decided: the answer leaves after the write is durable).
 *     A crash keeps what was written; a power loss keeps only what was durable. After either, a new node is created
 *     from the disk.</li>
 * <li>Durability: when a write becomes durable the lab calls {@link #persisted}, so that a leader can count its own
 *     copy of an entry toward a majority only once its disk holds it (the dissertation's section 10.2.1, etcd's
 *     storage-append response). An implementation may ignore it (the default does nothing) as long as it sends its
 *     AppendEntries only through the batches above: their messages leave after the write anyway.</li>
 * <li>Timers: a node asks for a timer with {@link TimerRequest#arm} (replacing any pending firing of that timer)
 *     and is stepped by {@link #timeout} when it fires; {@link TimerRequest#cancel} stops it.</li>
 * <li>Batches: the batch a step returns is read by the lab before it steps the node again, and not after (what must
 *     wait, the lab copies): a node may fill the same {@link Effects} object every step, as {@link ReferenceNode}
 *     does, or return a new one each time.</li>
 * <li>The state queries below are read by the safety checkers and the views after every step; they must describe
 *     the node as it is after the last step, and must not change anything.</li>
 * <li>A learner's node runs guarded: a step that throws, does not return, returns a malformed batch or leaves an
 *     impossible state (or one its disk does not match) stops the run with one line naming the node, the step and
 *     the problem.</li>
 * </ul>
 */
public interface RaftNode {
    /** The node boots (first start or restart) as a follower: typically it arms its election timer. */
    Effects start();

    /** A message arrives from another node. */
    Effects receive(Message m);

    /** One of the timers this node armed fires (or the user fires the election timer by hand). */
    Effects timeout(TimerKind timer);

    /**
     * A client asks this node to run {@code c}: a leader appends it and answers ACCEPTED now, then OK or FAILED
     * once the entry at that index is committed and applied; anyone else answers REDIRECT.
     */
    Effects propose(Command c);

    /**
     * The user asks this node, which the lab has checked leads, to hand leadership to voter {@code target} (the
     * dissertation's section 3.10). An implementation without leadership transfer keeps this default: nothing happens.
     */
    default Effects transferLeadership(int target) {
        return new Effects();
    }

    /**
     * The user asks this node to take a snapshot now (the {@code snapshot N} command): it replaces the applied part of
     * its log with an image of its state machine. A node that does not compact may ignore it.
     */
    default Effects compact() {
        return new Effects();
    }

    /**
     * The user asks this node, which the lab has checked leads, to change the cluster's configuration to
     * {@code target} (add a learner, promote one, remove a node, or any other change: the dissertation's chapter 4).
     * An implementation without membership changes keeps this default, and {@link #configuration()}'s: nothing
     * happens, and the lab says the node does not support them.
     */
    default Effects changeMembership(Configuration target) {
        return new Effects();
    }

    /**
     * Every write this node has made up to and including one that left its log ending at ({@code index},
     * {@code term}) is now durable: a power loss can no longer take those entries, term or vote away. The lab calls it
     * once per {@link DiskWrite}, in the order written, when that write becomes durable: at once, in the same step
     * (after the step's events and timers, before its messages leave), when writes are durable at once ({@code --sync
     * 0}); {@code --sync} ms later otherwise. It is not called for writes a power loss threw away, nor for the writes
     * of an earlier incarnation of the node. The log may have changed since the write (a later write may have cut it
     * back): entries up to {@code index} are durable only if the log still holds an entry of {@code term} at
     * {@code index} (by Log Matching, then the whole prefix is the one written). The default ignores it.
     */
    default Effects persisted(long index, long term) {
        return new Effects();
    }

    // ------------------------------------------------------------------------------------------ state, read-only

    int id();

    Role role();

    long currentTerm();

    /** The candidate voted for in the current term, or 0. */
    int votedFor();

    /** The leader this node believes in for its current term, or 0. */
    int leaderId();

    /** The node's log as it stands (its working copy, which the disk follows). */
    RaftLogView log();

    long commitIndex();

    long lastApplied();

    /** The application, with every entry up to {@link #lastApplied()} applied. Read it; do not apply to it. */
    StateMachine stateMachine();

    /**
     * The configuration this node counts majorities over (the last one in its log), or null if the implementation
     * does not support membership changes (then the cluster's voters never change).
     */
    default Configuration configuration() {
        return null;
    }

    /** A leader's view of one voter's log; null when not leading or when the implementation keeps none. */
    default Progress progress(int peer) {
        return null;
    }
}
