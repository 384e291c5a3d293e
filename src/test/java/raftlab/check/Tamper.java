package raftlab.check;

import java.util.List;

import raftlab.raft.Command;
import raftlab.raft.DiskWrite;
import raftlab.raft.Entry;
import raftlab.raft.ForwardingNode;
import raftlab.raft.KvStore;
import raftlab.raft.NodeFactory;
import raftlab.raft.PersistentState;
import raftlab.raft.RaftLog;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.StateMachine;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

/**
 * Breaking a correct cluster by hand, for the checkers' tests: the only way to make a correct node break the rules it
 * keeps. The cluster runs the lab's own nodes, each wrapped so that a test can override what it reports (its log,
 * commitIndex, lastApplied, state machine), and its disk can be written behind its back.
 */
public final class Tamper {
    private Tamper() {
    }

    /** A cluster whose nodes a test can tamper with through {@link #node}. */
    public static Cluster cluster(ClusterConfig config) {
        NodeFactory reference = NodeFactory.reference();
        return new Cluster(config, setup -> new Tampered(reference.create(setup)));
    }

    /** The tamperable node {@code id} of a cluster made by {@link #cluster}. */
    public static Tampered node(Cluster c, int id) {
        return (Tampered) c.node(id);
    }

    /** Puts an entry at the end of node {@code id}'s disk and of the log it reports, as a corrupting bug would. */
    public static void append(Cluster c, int id, Entry e) {
        PersistentState disk = c.disk(id);
        disk.apply(new DiskWrite(disk.currentTerm(), disk.votedFor(), disk.log().lastIndex(), List.of(e)));
        node(c, id).ownLog().append(e);
    }

    /** Removes node {@code id}'s entries from {@code from} on, on its disk and in the log it reports. */
    public static void truncate(Cluster c, int id, long from) {
        PersistentState disk = c.disk(id);
        disk.apply(new DiskWrite(disk.currentTerm(), disk.votedFor(), from - 1, List.of()));
        node(c, id).ownLog().truncateFrom(from);
    }

    /** Removes node {@code id}'s entries from {@code from} on in the log it reports only: its disk keeps them. */
    public static void truncateReportedLog(Cluster c, int id, long from) {
        node(c, id).ownLog().truncateFrom(from);
    }

    /**
     * A node that reports what a test says: the real node's state until a test first changes something, from then on
     * a frozen copy that the test edits. Steps still go to the real node.
     */
    public static final class Tampered extends ForwardingNode {
        private RaftLog log;
        private KvStore machine;
        private long commitIndex = -1;
        private long lastApplied = -1;

        Tampered(RaftNode real) {
            super(real);
        }

        private RaftLog ownLog() {
            if (log == null) {
                log = new RaftLog();
                RaftLogView r = inner.log();
                for (long k = 1; k <= r.lastIndex(); k++) {
                    log.append(r.get(k));
                }
            }
            return log;
        }

        private KvStore ownMachine() {
            if (machine == null) {
                machine = new KvStore();
                machine.restore(inner.stateMachine().snapshot());
            }
            return machine;
        }

        public void setCommitIndex(long v) {
            commitIndex = v;
        }

        public void setLastApplied(long v) {
            lastApplied = v;
        }

        /** Applies {@code c} to the state machine this node reports, behind its back. */
        public void apply(Command c) {
            ownMachine().apply(c);
        }

        @Override
        public RaftLogView log() {
            return log != null ? log : inner.log();
        }

        @Override
        public long commitIndex() {
            return commitIndex >= 0 ? commitIndex : inner.commitIndex();
        }

        @Override
        public long lastApplied() {
            return lastApplied >= 0 ? lastApplied : inner.lastApplied();
        }

        @Override
        public StateMachine stateMachine() {
            return machine != null ? machine : inner.stateMachine();
        }
    }
}
