package raftlab.check.explore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The kinds of fault an exploration schedule can contain, by the names {@code --faults} takes. */
public enum FaultKind {
    PARTITION("partition"), CRASH("crash"), LOSS("loss"), REORDER("reorder"), DUP("dup");

    public final String label;

    FaultKind(String label) {
        this.label = label;
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
}
