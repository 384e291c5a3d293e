package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

import raftlab.check.explore.FaultKind;
import raftlab.raft.Bug;

/**
 * The fixed words a parameter takes, by its label, for completion: bug names, fault kinds, message types, event
 * kinds, help topics. One place, fed from the same lists the commands check against.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** The words parameter {@code label} of {@code command} takes, or an empty list when it takes free text. */
    public static List<String> values(List<String> commandNames, String label) {
        switch (label) {
            case "NAME":
                return bugNames();
            case "KINDS":
                return faultKinds();
            case "T":
                return MessageCommands.TYPES;
            case "KIND":
                return ViewCommands.Events.KINDS;
            case "COMMAND":
                return commandNames;
            case "N|stop|drain":
                return List.of("drain", "stop");
            default:
                return label.matches("[a-z]+(\\|[a-z]+)*") ? List.of(label.split("\\|")) : List.of();
        }
    }

    private static List<String> bugNames() {
        List<String> names = new ArrayList<>();
        for (Bug b : Bug.values()) {
            names.add(b.label);
        }
        return names;
    }

    private static List<String> faultKinds() {
        List<String> names = new ArrayList<>();
        for (FaultKind k : FaultKind.values()) {
            names.add(k.label);
        }
        names.add("none");
        return names;
    }
}
