package raftlab.raft;

/**
 * A node that passes every call of {@link RaftNode} to another, for tests that watch or alter what a real node does.
 * Every step's effects go through {@link #after}, and a subclass overrides only what it changes. Kept complete by
 * {@code ForwardingNodeTest}: a call left to the interface's default would silently drop, say, a durable notice or a
 * transfer on the way to the real node.
 */
public abstract class ForwardingNode implements RaftNode {
    protected final RaftNode inner;

    protected ForwardingNode(RaftNode inner) {
        this.inner = inner;
    }

    /** What a step of the real node returned, as this node returns it; unchanged by default. */
    protected Effects after(Effects fx) {
        return fx;
    }

    @Override
    public Effects start() {
        return after(inner.start());
    }

    @Override
    public Effects receive(Message m) {
        return after(inner.receive(m));
    }

    @Override
    public Effects timeout(TimerKind timer) {
        return after(inner.timeout(timer));
    }

    @Override
    public Effects propose(Command c) {
        return after(inner.propose(c));
    }

    @Override
    public Effects transferLeadership(int target) {
        return after(inner.transferLeadership(target));
    }

    @Override
    public Effects compact() {
        return after(inner.compact());
    }

    @Override
    public Effects changeMembership(Configuration target) {
        return after(inner.changeMembership(target));
    }

    @Override
    public Effects persisted(long index, long term) {
        return after(inner.persisted(index, term));
    }

    @Override
    public int id() {
        return inner.id();
    }

    @Override
    public Role role() {
        return inner.role();
    }

    @Override
    public long currentTerm() {
        return inner.currentTerm();
    }

    @Override
    public int votedFor() {
        return inner.votedFor();
    }

    @Override
    public int leaderId() {
        return inner.leaderId();
    }

    @Override
    public RaftLogView log() {
        return inner.log();
    }

    @Override
    public long commitIndex() {
        return inner.commitIndex();
    }

    @Override
    public long lastApplied() {
        return inner.lastApplied();
    }

    @Override
    public StateMachine stateMachine() {
        return inner.stateMachine();
    }

    @Override
    public Progress progress(int peer) {
        return inner.progress(peer);
    }

    @Override
    public Configuration configuration() {
        return inner.configuration();
    }
}
