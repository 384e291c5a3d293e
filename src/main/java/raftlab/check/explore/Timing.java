package raftlab.check.explore;

import raftlab.raft.ReadMode;
import raftlab.raft.Settings;

/**
 * A run's cluster timing, in virtual ms: election timeout range, heartbeat interval, normal message latency, and how
 * long a disk write takes to become durable (0: at once); and how often nodes take snapshots (entries applied since
 * the last one; 0: only when asked); and how gets are served ({@code --reads}).
 */
public record Timing(long electionMin, long electionMax, long heartbeat, long latencyMin, long latencyMax, long syncMs,
                     boolean preVote, boolean checkQuorum, long snapshotEvery, ReadMode reads) {
    /** The lab's defaults, as {@code cluster} makes them. */
    public static final Timing DEFAULT = new Timing(Settings.DEFAULT.electionMin(), Settings.DEFAULT.electionMax(),
            Settings.DEFAULT.heartbeat(), 1, 5, 0);

    /** Figure 2's elections (no PreVote, no CheckQuorum), no automatic snapshots. */
    public Timing(long electionMin, long electionMax, long heartbeat, long latencyMin, long latencyMax, long syncMs) {
        this(electionMin, electionMax, heartbeat, latencyMin, latencyMax, syncMs, false, false, 0, ReadMode.READINDEX);
    }

    /** The same timing with gets served as {@code mode} says. */
    public Timing withReads(ReadMode mode) {
        return new Timing(electionMin, electionMax, heartbeat, latencyMin, latencyMax, syncMs, preVote, checkQuorum,
                snapshotEvery, mode);
    }

    /** The same timing with disk writes taking {@code ms} to become durable. */
    public Timing withSync(long ms) {
        return new Timing(electionMin, electionMax, heartbeat, latencyMin, latencyMax, ms, preVote, checkQuorum,
                snapshotEvery, reads);
    }

    /** The same timing with PreVote and CheckQuorum as given. */
    public Timing withElections(boolean pre, boolean check) {
        return new Timing(electionMin, electionMax, heartbeat, latencyMin, latencyMax, syncMs, pre, check,
                snapshotEvery, reads);
    }

    /** The same timing with snapshots every {@code every} applied entries. */
    public Timing withSnapshotEvery(long every) {
        return new Timing(electionMin, electionMax, heartbeat, latencyMin, latencyMax, syncMs, preVote, checkQuorum,
                every, reads);
    }

    /** The normal latency range as {@code latency} takes it: {@code 1..5}. */
    public String latency() {
        return latencyMin + ".." + latencyMax;
    }

    public Settings settings(boolean noop) {
        return new Settings(electionMin, electionMax, heartbeat, noop, Settings.DEFAULT.maxBatch())
                .withElections(preVote, checkQuorum)
                .withSnapshots(snapshotEvery, Settings.DEFAULT.snapshotChunk())
                .withReads(reads, Settings.DEFAULT_MAX_DRIFT)
                .withBatch(Settings.DEFAULT.batch());
    }

    /** The options {@code cluster} needs for this timing (none for the defaults): {@code  --election 120..400}. */
    public String clusterOptions() {
        StringBuilder sb = new StringBuilder();
        if (electionMin != DEFAULT.electionMin || electionMax != DEFAULT.electionMax) {
            sb.append(" --election ").append(electionMin).append("..").append(electionMax);
        }
        if (heartbeat != DEFAULT.heartbeat) {
            sb.append(" --heartbeat ").append(heartbeat);
        }
        if (latencyMin != DEFAULT.latencyMin || latencyMax != DEFAULT.latencyMax) {
            sb.append(" --latency ").append(latency());
        }
        if (syncMs != 0) {
            sb.append(" --sync ").append(syncMs);
        }
        if (preVote) {
            sb.append(" --prevote");
        }
        if (checkQuorum) {
            sb.append(" --checkquorum");
        }
        if (snapshotEvery != 0) {
            sb.append(" --snapshot-every ").append(snapshotEvery);
        }
        if (reads != ReadMode.READINDEX) {
            sb.append(" --reads ").append(reads.label());
        }
        return sb.toString();
    }
}
