package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.EventKind;

/** `events --kind` knows every kind an event can have, and its help names them all; client lines say what waits. */
class EventKindsTest {

    private static String run(Lab lab, String command) {
        return String.join("\n", lab.execute(command).lines());
    }

    @Test
    void everyNodeEventKindCanBeFilteredAndTheHelpNamesEveryKind() {
        List<String> missing = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            if (!ViewCommands.Events.KINDS.contains(k.label())) {
                missing.add(k.label());
            }
        }
        assertEquals(List.of(), missing, "node event kinds `events --kind` refuses");
        String help = run(new Lab(), "help events").replaceAll("\\s+", " ");
        for (String kind : ViewCommands.Events.KINDS) {
            assertTrue(help.contains(" " + kind + ",") || help.contains(" " + kind + " ") || help.contains(kind + ")")
                    || help.contains(", " + kind), "help events names " + kind + ": " + help);
        }
    }

    @Test
    void snapshotAndConfigurationEventsAreFoundByTheirKind() {
        Lab lab = new Lab();
        run(lab, "cluster 3 --seed 2 --snapshot-every 4");
        run(lab, "run until leader");
        for (int i = 0; i < 6; i++) {
            run(lab, "put k" + i + " " + i);
        }
        run(lab, "tick 100");
        run(lab, "add-node");
        run(lab, "tick 100");
        String snapshots = run(lab, "events --kind snapshot");
        String configs = run(lab, "events --kind config");
        assertTrue(snapshots.contains("snapshot") && !snapshots.contains("(no events)"), snapshots);
        assertTrue(configs.contains("learners 4") && !configs.contains("(no events)"), configs);
        for (String line : configs.split("\n")) {
            assertTrue(!line.contains(" applies index ") && !line.contains(" commits up to "), line);
        }
    }

    /** A get with no answer yet says why (a put says "accepted"); a read through the log is accepted instead. */
    @Test
    void aGetThatWaitsSaysWhatItWaitsFor() {
        Lab lab = new Lab();
        run(lab, "cluster 3 --seed 1");
        run(lab, "run until leader");
        String get = run(lab, "get x");
        assertTrue(get.contains("get x -> n") && get.contains("waiting: a round of heartbeats must confirm"), get);
        assertTrue(run(lab, "tick 20").contains("get x: ok at read index"));
        Lab log = new Lab();
        run(log, "cluster 3 --seed 1 --reads log");
        run(log, "run until leader");
        String viaLog = run(log, "get x");
        assertTrue(viaLog.contains("accepted at index") && !viaLog.contains("waiting"), viaLog);
    }
}
