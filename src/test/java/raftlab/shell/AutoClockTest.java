package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import raftlab.lab.LabException;

/** The clock's arithmetic, on a fake real-time source: no sleeping, no timing. */
class AutoClockTest {
    private static final long MS = 1_000_000;
    private final AtomicLong nanos = new AtomicLong(123 * MS);
    private final AutoClock clock = new AutoClock(nanos::get);

    private long after(long realMs) {
        nanos.addAndGet(realMs * MS);
        return clock.due();
    }

    @Test
    void manualByDefault() {
        assertEquals(0, after(500));
    }

    @Test
    void rateOneGivesRealMilliseconds() {
        clock.auto(1);
        assertEquals(10, after(10));
        assertEquals(7, after(7));
    }

    @Test
    void slowMotionKeepsTheFractions() {
        clock.auto(0.1);
        long total = 0;
        for (int i = 0; i < 100; i++) {
            total += after(3);
        }
        assertEquals(30, total, "300 real ms at 0.1 are 30 virtual ms, however they are split");
    }

    @Test
    void pauseStopsTimeAndResumeDoesNotCountThePause() {
        clock.auto(2);
        assertEquals(20, after(10));
        clock.pause();
        assertEquals(0, after(1000));
        clock.resume();
        assertEquals(0, clock.due());
        assertEquals(10, after(5));
    }

    @Test
    void manualStops() {
        clock.auto(1);
        clock.manual();
        assertEquals(0, after(100));
    }

    @Test
    void aLongGapIsCapped() {
        clock.auto(1);
        assertEquals(AutoClock.MAX_STEP_MS, after(60_000));
        assertEquals(5, after(5));
    }

    @Test
    void changingTheRateWhileRunningKeepsTime() {
        clock.auto(1);
        assertEquals(10, after(10));
        clock.auto(0.5);
        assertEquals(5, after(10));
    }

    @Test
    void pauseAndResumeNeedTheAutomaticClock() {
        LabException e = assertThrows(LabException.class, clock::pause);
        assertEquals("pause: the clock is manual; `clock auto` starts it", e.getMessage());
        e = assertThrows(LabException.class, clock::resume);
        assertEquals("resume: the clock is manual; `clock auto` starts it", e.getMessage());
    }
}
