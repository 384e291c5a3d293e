package raftlab.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.raft.Backoff;
import raftlab.byo.Implementation;
import raftlab.raft.ReadMode;
import raftlab.raft.Settings;
import raftlab.sim.ClusterConfig;

/** Making the cluster, and crashing and restarting its nodes. */
final class ClusterCommands {
    private ClusterCommands() {
    }

    static final int MAX_NODES = 9;

    @Command(name = "cluster", description = "Replace the cluster with a new one of N nodes (ids 1..N).")
    static final class MakeCluster extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "number of nodes, 1.." + MAX_NODES)
        int size;

        @Option(names = "--seed", paramLabel = "S", description = "seed of the cluster's random source (default 1)")
        long seed = 1;

        @Option(names = "--election", paramLabel = "MIN..MAX", description = "election timeout range, ms (default 150..300)")
        String election = "150..300";

        @Option(names = "--heartbeat", paramLabel = "MS", description = "leader heartbeat interval, ms (default 50)")
        long heartbeat = 50;

        @Option(names = "--latency", paramLabel = "MIN..MAX", description = "message latency range, ms (default 1..5)")
        String latency = "1..5";

        @Option(names = "--noop", paramLabel = "on|off", description = "new leaders append a no-op entry (default on)")
        String noop = "on";

        @Option(names = "--sync", paramLabel = "MS", description = "time a disk write takes to become durable; a node's "
                + "messages wait for it (default 0)")
        long sync = 0;

        @Option(names = "--prevote", description = "a node asks for pre-votes before it starts an election (default off)")
        boolean preVote;

        @Option(names = "--checkquorum", description = "a leader that does not hear from a majority within an election "
                + "timeout steps down; a node that hears from a leader ignores RequestVote (default off)")
        boolean checkQuorum;

        @Option(names = "--snapshot-every", paramLabel = "E", description = "each node takes a snapshot once E entries "
                + "were applied since its last one (default 0: only when asked, with `snapshot N`)")
        long snapshotEvery = 0;

        @Option(names = "--snapshot-chunk", paramLabel = "BYTES", description = "most snapshot bytes in one "
                + "InstallSnapshot (default 1024)")
        int snapshotChunk = 1024;

        @Option(names = "--max-batch", paramLabel = "N", description = "most entries in one AppendEntries (default 64)")
        int maxBatch = Settings.DEFAULT.maxBatch();

        @Option(names = "--max-inflight", paramLabel = "N", description = "most unanswered AppendEntries with entries "
                + "per follower in replicate state (default 0: no limit)")
        int maxInflight = 0;

        @Option(names = "--backoff", paramLabel = "one|term", description = "after a refusal, nextIndex goes back one "
                + "entry (Figure 2) or past the conflicting term (default term)")
        String backoff = "term";

        @Option(names = "--batch", paramLabel = "on|off", description = "on (default): a leader sends the entries "
                + "proposed in one virtual instant together, in one AppendEntries per follower at the end of it; off:"
                + " each goes out as it comes, one AppendEntries per proposal as in Figure 2, for comparison")
        String batch = "on";

        @Option(names = "--client-net", description = "the shell's requests (put, get, append, delete, cas) travel the"
                + " virtual network as client c0, with a client id and sequence number, and are retried until answered"
                + " (default: handed to the node directly; simulated clients always use the network)")
        boolean clientNet;

        @Option(names = "--reads", paramLabel = "log|readindex|lease", description = "how a get is served: as a log"
                + " entry, by ReadIndex (a heartbeat round confirms the leader; the default) or under a lease (needs"
                + " --checkquorum)")
        String reads = "readindex";

        @Option(names = "--max-drift", paramLabel = "D", description = "the clock drift a lease allows for: no clock "
                + "runs more than D times as fast as another (default 2); a lease lasts under electionMin / D")
        double maxDrift = Settings.DEFAULT_MAX_DRIFT;

        @Option(names = "--impl", paramLabel = "FILE.java|CLASS", description = "run your own RaftNode: a Java source"
                + " file (compiled in memory) or a class name on --classpath (default: the lab's own core)")
        String impl;

        @Option(names = "--classpath", paramLabel = "PATH", description = "jars or folders where --impl and the"
                + " classes it uses are found")
        String classPath;

        @Override
        public void run() {
            if (size < 1 || size > MAX_NODES) {
                throw new LabException("a cluster has 1.." + MAX_NODES + " nodes, not " + size);
            }
            long[] el = Ranges.parse(election, "--election", 1);
            long[] lat = Ranges.parse(latency, "--latency", 0);
            if (heartbeat < 1) {
                throw new LabException("--heartbeat must be at least 1 ms, not " + heartbeat);
            }
            if (sync < 0) {
                throw new LabException("--sync takes 0 or more ms, not " + sync);
            }
            boolean withNoop = OnOff.parse(noop, "--noop");
            if (snapshotEvery < 0) {
                throw new LabException("--snapshot-every takes 0 (off) or more entries, not " + snapshotEvery);
            }
            if (snapshotChunk < 1) {
                throw new LabException("--snapshot-chunk takes 1 or more bytes, not " + snapshotChunk);
            }
            if (maxBatch < 1) {
                throw new LabException("--max-batch takes 1 or more entries, not " + maxBatch);
            }
            if (maxInflight < 0) {
                throw new LabException("--max-inflight takes 0 (no limit) or more messages, not " + maxInflight);
            }
            Backoff back = Backoff.byLabel(backoff);
            if (back == null) {
                throw new LabException("--backoff takes one or term, not '" + backoff + "'");
            }
            ReadMode mode = readMode(reads, checkQuorum);
            if (!(maxDrift >= 1 && maxDrift <= 100)) {
                throw new LabException("--max-drift takes a factor from 1 (clocks never drift) to 100, not " + maxDrift);
            }
            Settings s = new Settings(el[0], el[1], heartbeat, withNoop, maxBatch, maxInflight, back, snapshotEvery,
                    snapshotChunk, OnOff.parse(batch, "--batch"), preVote, checkQuorum).withReads(mode, maxDrift);
            if (impl == null && classPath != null) {
                throw new LabException("--classpath needs --impl CLASS, the class to run from it");
            }
            // Loaded before anything changes: a source that does not compile leaves the cluster as it was.
            Implementation chosen = impl == null ? null : Implementation.load(impl, classPath);
            lab.newCluster(new ClusterConfig(size, seed, s, lat[0], lat[1], sync), chosen);
            if (clientNet) {
                lab.useClientNet();
            }
        }
    }

    /**
     * The read mode called {@code label}. A lease needs CheckQuorum: it is sound only because a follower that heard
     * from the leader ignores RequestVote for a while, which only CheckQuorum does. Refused rather than switched on
     * behind the user's back, so that the cluster is the one the command line says.
     */
    static ReadMode readMode(String label, boolean checkQuorum) {
        ReadMode mode = ReadMode.byLabel(label);
        if (mode == null) {
            throw new LabException("--reads takes log, readindex or lease, not '" + label + "'");
        }
        if (mode == ReadMode.LEASE && !checkQuorum) {
            throw new LabException("--reads lease needs --checkquorum: a lease holds only because followers that hear "
                    + "from the leader ignore RequestVote, which is what CheckQuorum adds");
        }
        return mode;
    }

    @Command(name = "crash", description = "Stop node N: its volatile state is lost, messages to it are dropped.")
    static final class Crash extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id")
        int id;

        @Override
        public void run() {
            liveNode(id);
            lab.note(id, "crash", "n" + id + " crashes");
            cluster().crash(id);
        }
    }

    @Command(name = "power-loss", description = "Stop node N like crash, and lose its disk writes that are not yet "
            + "durable (see cluster --sync).")
    static final class PowerLoss extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id")
        int id;

        @Override
        public void run() {
            liveNode(id);
            lab.note(id, "crash", "n" + id + " loses power");
            cluster().powerLoss(id);
        }
    }

    @Command(name = "snapshot", description = "Node N takes a snapshot now: the entries it has applied are replaced "
            + "by an image of its state machine.")
    static final class Snapshot extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id")
        int id;

        @Override
        public void run() {
            liveNode(id);
            var node = cluster().node(id);
            if (node.lastApplied() <= node.log().snapshotIndex()) {
                throw new LabException("n" + id + " has applied nothing since its last snapshot (up to index "
                        + node.log().snapshotIndex() + "); nothing to compact");
            }
            cluster().compact(id);
        }
    }

    @Command(name = "restart", description = "Restart node N from its persistent state (term, vote, log).")
    static final class Restart extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id")
        int id;

        @Override
        public void run() {
            node(id);
            if (cluster().isUp(id)) {
                throw new LabException("n" + id + " is already up; `crash " + id + "` first");
            }
            var disk = cluster().disk(id);
            long snap = disk.log().snapshotIndex();
            lab.note(id, "restart", "n" + id + " restarts with term " + disk.currentTerm()
                    + (snap == 0 ? " and " + Text.count(disk.log().lastIndex(), "log entry", "log entries")
                    : ", a snapshot up to index " + snap + " and "
                    + Text.count(disk.log().lastIndex() - snap, "log entry", "log entries") + " after it"));
            cluster().restart(id);
        }
    }
}
