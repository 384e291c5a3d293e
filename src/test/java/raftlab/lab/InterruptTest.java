package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import raftlab.sim.Interrupts;

/**
 * Defect 1: Ctrl-C during a long command killed the whole lab. Now it stops the command between two events: the
 * command prints one line, {@code interrupted at [Tms]}, and the cluster is consistent and usable. No terminal here:
 * another thread raises the flag the Ctrl-C handler raises, once the command has run for a while.
 */
class InterruptTest {
    @AfterEach
    void clear() {
        Interrupts.clear();
    }

    /** Runs {@code line} on {@code lab}, raising the interrupt from another thread after {@code afterMs} real ms. */
    static Output interrupted(Lab lab, String line, long afterMs) throws InterruptedException {
        if (afterMs == 0) {
            // Raised before the command starts: its first poll stops it, deterministically.
            Interrupts.request();
            return lab.execute(line);
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(afterMs);
            } catch (InterruptedException e) {
                return;
            }
            if (!done.get()) {
                Interrupts.request();
            }
        });
        Interrupts.clear();
        ctrlC.start();
        Output o = lab.execute(line);
        done.set(true);
        ctrlC.join();
        return o;
    }

    /** Commands that run for seconds: the interrupt arrives from another thread while they run. */
    @ParameterizedTest
    @ValueSource(strings = {"tick 100000000", "run until leader --max 100000000", "run until commit 1000000 --max 100000000",
        "explore --seeds 1..100000 --threads 1"})
    void aLongCommandStopsBetweenEventsAndTheLabGoesOn(String line) throws Exception {
        Lab lab = new Lab();
        if (line.startsWith("run until leader")) {
            lab.execute("crash 1");
            lab.execute("crash 2");
            lab.execute("crash 3");
        }
        if (line.equals("stabilize")) {
            lab.execute("hold on");
            lab.execute("tick 170"); // the first election's messages wait on the wire
        }
        if (line.startsWith("run until commit")) {
            lab.execute("clients 3");
        }
        long start = System.nanoTime();
        Output o = interrupted(lab, line, line.startsWith("replay") || line.startsWith("stabilize") ? 0 : 300);
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<String> lines = o.lines();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("interrupted at \\[\\d+ms]"), lines.size() + " lines, last: " + last);
        assertTrue(ms < 20_000, "took " + ms + " ms to stop");
        // The lab goes on: the cluster answers, checks still hold, and time moves again. The shell clears the flag
        // before each line, as here.
        Interrupts.clear();
        assertNull(lab.execute("status").lines().stream().filter(l -> l.startsWith("error")).findFirst().orElse(null));
        assertEquals("safe", lab.execute("check").lines().get(0).replaceAll(" \\(.*|;.*", ""));
        long before = lab.cluster().now();
        lab.execute("tick 10");
        assertEquals(before + 10, lab.cluster().now());
    }

    /**
     * Commands that may finish in well under a second on a fast JIT: the flag is raised before they start, and must
     * stop them at their first event (replay --seed's own clusters, and stabilize's deliveries, poll it too).
     */
    @ParameterizedTest
    @ValueSource(strings = {"replay --seed 1 --time 10000000", "stabilize"})
    void shortCommandsPollTheFlagToo(String line) throws Exception {
        aLongCommandStopsBetweenEventsAndTheLabGoesOn(line);
    }

    /** The interrupt is per command: a Ctrl-C that arrived while nothing ran does not stop the next command. */
    @Test
    void theShellClearsTheFlagBeforeEachCommand() {
        Lab lab = new Lab();
        Interrupts.request();
        Interrupts.clear();
        lab.execute("tick 1000");
        assertEquals(1000, lab.cluster().now());
    }

    /** A flag left over from an interrupted command does not stop the automatic clock for good. */
    @Test
    void theAutomaticClockForgetsALeftOverInterrupt() {
        Lab lab = new Lab();
        Interrupts.request();
        lab.advance(1000); // an election timer (150..300ms) fires in this stretch: the first event stops it
        assertEquals(0, lab.cluster().now(), "stopped before the first event");
        lab.advance(1000);
        assertEquals(1000, lab.cluster().now(), "the next step runs");
    }
}
