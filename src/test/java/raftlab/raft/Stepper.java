package raftlab.raft;

/**
 * Steps a {@link RaftNode} the way the simulation does, for unit tests: each batch is recorded in a
 * {@link RecordingEnv} and its disk write made on the test's disk at once. Keeps the old call names so that a test
 * reads as the rule it checks: {@code t.node.receive(m)}, {@code t.node.electionTimeout()}.
 */
final class Stepper {
    private final RaftNode node;
    private final RecordingEnv env;
    private final PersistentState disk;

    Stepper(RaftNode node, RecordingEnv env, PersistentState disk) {
        this.node = node;
        this.env = env;
        this.disk = disk;
    }

    /**
     * When false, writes are made on the disk but the node is not told they are durable until {@link #persist} says
     * so: a slow disk. When true (the default), it is told at once, as the simulation does with {@code --sync 0}.
     */
    private boolean durableAtOnce = true;

    private Effects take(Effects fx) {
        if (fx.persist() != null) {
            disk.apply(fx.persist());
        }
        env.absorb(fx);
        if (fx.persist() != null && durableAtOnce) {
            Effects kept = fx.copy(); // telling the node is its next step: the batch it returned may be filled again
            persist();
            return kept;
        }
        return fx;
    }

    /** From now on, writes become durable only when the test calls {@link #persist}. */
    void slowDisk() {
        durableAtOnce = false;
    }

    /** Everything written so far is durable now: tells the node, as the lab does. */
    Effects persist() {
        long index = disk.log.lastIndex();
        return take(node.persisted(index, disk.log.termAt(index)));
    }

    Effects start() {
        return take(node.start());
    }

    Effects receive(Message m) {
        return take(node.receive(m));
    }

    Effects electionTimeout() {
        return take(node.timeout(TimerKind.ELECTION));
    }

    Effects heartbeatTimeout() {
        return take(node.timeout(TimerKind.HEARTBEAT));
    }

    Effects leaseTimeout() {
        return take(node.timeout(TimerKind.LEASE));
    }

    Effects transfer(int target) {
        return take(node.transferLeadership(target));
    }

    Effects propose(Command c) {
        return take(node.propose(c));
    }

    RaftNode raw() {
        return node;
    }

    int id() {
        return node.id();
    }

    Role role() {
        return node.role();
    }

    long currentTerm() {
        return node.currentTerm();
    }

    int votedFor() {
        return node.votedFor();
    }

    int leaderId() {
        return node.leaderId();
    }

    long commitIndex() {
        return node.commitIndex();
    }

    long lastApplied() {
        return node.lastApplied();
    }

    RaftLogView log() {
        return node.log();
    }

    StateMachine kv() {
        return node.stateMachine();
    }

    Progress progress(int peer) {
        return node.progress(peer);
    }

    long nextIndex(int peer) {
        Progress p = node.progress(peer);
        return p == null ? 0 : p.next();
    }

    long matchIndex(int peer) {
        Progress p = node.progress(peer);
        return p == null ? 0 : p.match();
    }
}
