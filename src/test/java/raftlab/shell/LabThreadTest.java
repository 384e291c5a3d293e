package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The thread that owns the lab, with a fake real-time source. Virtual time depends only on how far the fake moved,
 * never on when the thread happened to wake, so these tests are exact without sleeping.
 */
class LabThreadTest {
    private static final long MS = 1_000_000;
    private final AtomicLong nanos = new AtomicLong();
    private final List<String> above = Collections.synchronizedList(new ArrayList<>());
    private final LabThread lab = new LabThread(nanos::get, above::addAll);

    @AfterEach
    void stop() {
        lab.stop();
    }

    private List<String> run(String line) {
        List<String> printed = new ArrayList<>();
        lab.execute(line, r -> printed.addAll(r.lines()));
        return printed;
    }

    @Test
    void theAutomaticClockMovesVirtualTimeByRealTimeTimesRate() {
        assertEquals(List.of("now 0ms"), run("now"));
        run("clock auto");
        nanos.addAndGet(400 * MS);
        assertEquals(List.of("now 400ms"), run("now"), "the clock catches up before a command runs");
        assertTrue(above.stream().anyMatch(l -> l.contains("becomes leader in term 1")),
                "events of the election went above the prompt: " + above);
        run("clock auto --rate 0.5");
        nanos.addAndGet(200 * MS);
        assertEquals(List.of("now 500ms"), run("now"));
        run("pause");
        nanos.addAndGet(10_000 * MS);
        assertEquals(List.of("now 500ms"), run("now"));
        run("resume");
        nanos.addAndGet(20 * MS);
        assertEquals(List.of("now 510ms"), run("now"));
        run("clock manual");
        nanos.addAndGet(1_000 * MS);
        assertEquals(List.of("now 510ms"), run("now"));
        run("tick 10");
        assertEquals(List.of("now 520ms"), run("now"), "the manual clock moves as before");
    }

    @Test
    void statusWorksWhileTheClockRuns() {
        run("clock auto");
        nanos.addAndGet(400 * MS);
        List<String> status = run("status");
        assertEquals("time 400ms, seed 1", status.get(0));
        assertTrue(status.stream().anyMatch(l -> l.startsWith("n4") && l.contains("leader")), status.toString());
    }

    @Test
    void completionFactsFollowTheCluster() {
        run("hold on");
        run("tick 400");
        CompletionFacts f = lab.facts();
        assertEquals(5, f.nodes());
        assertFalse(f.messageIds().isEmpty(), "held messages are in flight");
        run("cluster 3");
        assertEquals(3, lab.facts().nodes());
        assertEquals(List.of(), lab.facts().messageIds());
    }

    @Test
    void quitEndsTheSession() {
        assertTrue(lab.execute("quit", r -> { }).quit());
        LabThread other = new LabThread(nanos::get, above::addAll);
        assertFalse(other.execute("now", r -> { }).quit());
        other.stop();
    }
}
