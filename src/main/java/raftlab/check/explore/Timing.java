package raftlab.check.explore;

import raftlab.raft.Settings;

/** A run's cluster timing, in virtual ms: election timeout range, heartbeat interval and normal message latency. */
public record Timing(long electionMin, long electionMax, long heartbeat, long latencyMin, long latencyMax) {
    /** The lab's defaults, as {@code cluster} makes them. */
    public static final Timing DEFAULT = new Timing(Settings.DEFAULT.electionMin(), Settings.DEFAULT.electionMax(),
            Settings.DEFAULT.heartbeat(), 1, 5);

    /** The normal latency range as {@code latency} takes it: {@code 1..5}. */
    public String latency() {
        return latencyMin + ".." + latencyMax;
    }

    public Settings settings(boolean noop) {
        return new Settings(electionMin, electionMax, heartbeat, noop, Settings.DEFAULT.maxBatch());
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
        return sb.toString();
    }
}
