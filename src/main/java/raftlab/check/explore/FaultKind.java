package raftlab.check.explore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of fault an exploration schedule can contain, by the names {@code --faults} takes. The last two are
 * aimed: their node is not drawn in advance but chosen by {@link Targeting} at the moment the run reaches a state
 * worth hitting, and the run records them as the plain partition or crash they became.
 */
public enum FaultKind {
    PARTITION("partition"), CRASH("crash"), LOSS("loss"), REORDER("reorder"), DUP("dup"),
    /**
     * A node loses power (a crash that also loses its disk writes not yet durable) and restarts later. Asking for it
     * also gives the run's cluster a disk sync time, drawn per seed, so that there are such writes to lose.
     */
    POWER_LOSS("power-loss"),
    /** Cut the current leader off from everyone, just after it appended a client entry it has not replicated yet. */
    ISOLATE_LEADER("isolate-leader"),
    /** Reboot a node just after it granted a vote while another candidate's request for that term is on its way. */
    REBOOT_VOTER("reboot-voter"),
    /** A node takes a snapshot at a random moment (the {@code snapshot N} command): compaction in the middle of things. */
    COMPACT("compact");

    public final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** Whether the fault happens at one moment and has nothing to undo. */
    public boolean instant() {
        return this == COMPACT;
    }

    /** Whether the fault's node is chosen while the run goes, rather than written in the schedule. */
    public boolean aimed() {
        return this == ISOLATE_LEADER || this == REBOOT_VOTER;
    }

    /** Parses {@code partition,crash,...}; throws IllegalArgumentException naming the bad kind and the valid ones. */
    public static Set<FaultKind> parse(String list) {
        Set<FaultKind> out = EnumSet.noneOf(FaultKind.class);
        if (list.isBlank() || list.equals("none")) {
            return out;
        }
        for (String part : list.split(",", -1)) {
            FaultKind k = byLabel(part.trim());
            if (k == null) {
                throw new IllegalArgumentException("unknown fault kind '" + part.trim() + "'; kinds are " + labels()
                        + " (comma-separated), or none");
            }
            out.add(k);
        }
        return out;
    }

    public static FaultKind byLabel(String label) {
        for (FaultKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        return null;
    }

    public static String labels() {
        List<String> names = new ArrayList<>();
        for (FaultKind k : values()) {
            names.add(k.label);
        }
        return String.join(",", names);
    }

    /**
     * What {@code --faults} means when not given: every kind but the aimed ones, compact (it matters only with
     * snapshots) and power-loss (which changes every run's timing, by giving disks a sync time). Aimed faults make many client
     * attempts end unknown (a cut-off leader takes writes it can never commit), and on some long histories that makes
     * the linearizability check run out of memory, so they are asked for by name, with the bugs they are for.
     */
    public static String defaultLabels() {
        List<String> names = new ArrayList<>();
        for (FaultKind k : values()) {
            if (!k.aimed() && k != POWER_LOSS && k != COMPACT) {
                names.add(k.label);
            }
        }
        return String.join(",", names);
    }
}
