package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The event queue gives events in (time, seq) order, exactly as java.util.PriorityQueue did, under any mix of use. */
class EventQueueTest {
    private static TimerFiring at(long time, long seq) {
        return new TimerFiring(time, seq, () -> { }, "t" + time + "/" + seq);
    }

    @Test
    void pollsInTimeThenSeqOrder() {
        EventQueue<TimerFiring> q = new EventQueue<>();
        TimerFiring a = at(5, 3);
        TimerFiring b = at(5, 1);
        TimerFiring c = at(2, 9);
        q.add(a);
        q.add(b);
        q.add(c);
        assertSame(c, q.poll());
        assertSame(b, q.poll());
        assertSame(a, q.poll());
        assertNull(q.poll());
        assertTrue(q.isEmpty());
    }

    @Test
    void agreesWithPriorityQueueUnderRandomAddsPollsAndRemoves() {
        SplittableRandom r = new SplittableRandom(7);
        EventQueue<TimerFiring> q = new EventQueue<>();
        PriorityQueue<TimerFiring> ref = new PriorityQueue<>();
        List<TimerFiring> queued = new ArrayList<>();
        long seq = 0;
        for (int step = 0; step < 50_000; step++) {
            int op = r.nextInt(10);
            if (op < 5) {
                TimerFiring t = at(r.nextInt(50), seq++);
                q.add(t);
                ref.add(t);
                queued.add(t);
            } else if (op < 8) {
                TimerFiring got = q.poll();
                assertSame(ref.poll(), got);
                queued.remove(got);
            } else if (!queued.isEmpty()) {
                TimerFiring t = queued.remove(r.nextInt(queued.size()));
                assertTrue(q.remove(t));
                ref.remove(t);
            }
            assertSame(ref.peek(), q.peek());
        }
        Set<TimerFiring> all = new HashSet<>();
        q.forEach(all::add);
        assertEquals(new HashSet<>(ref), all);
    }

    /**
     * The same with times spread beyond the calendar's window and a clock that moves on as events are polled: events
     * due far ahead (in the overflow heap), events due behind the window (sent while held messages are overdue), and
     * events of one time added out of seq order (a message put back on the wire).
     */
    @Test
    void agreesWithPriorityQueueAcrossTheWindow() {
        SplittableRandom r = new SplittableRandom(11);
        EventQueue<TimerFiring> q = new EventQueue<>();
        PriorityQueue<TimerFiring> ref = new PriorityQueue<>();
        List<TimerFiring> queued = new ArrayList<>();
        long seq = 0;
        long older = 0;
        long now = 0;
        for (int step = 0; step < 200_000; step++) {
            int op = r.nextInt(20);
            if (op < 9) {
                int shape = r.nextInt(10);
                long time = shape < 6 ? now + r.nextInt(30) // a message
                        : shape < 8 ? now + 150 + r.nextInt(300) // an election timer
                        : shape < 9 ? now + r.nextInt(5 * EventQueue.SPAN) // far ahead
                        : Math.max(0, now - r.nextInt(100)); // behind
                long s = r.nextInt(50) == 0 ? -++older : seq++; // now and then a seq older than any queued
                TimerFiring t = at(time, s);
                q.add(t);
                ref.add(t);
                queued.add(t);
            } else if (op < 17) {
                TimerFiring got = q.poll();
                assertSame(ref.poll(), got);
                if (got != null) {
                    queued.remove(got);
                    now = Math.max(now, got.time);
                }
            } else if (!queued.isEmpty()) {
                TimerFiring t = queued.remove(r.nextInt(queued.size()));
                assertTrue(q.remove(t));
                ref.remove(t);
            }
            assertSame(ref.peek(), q.peek());
            assertEquals(ref.isEmpty(), q.isEmpty());
        }
        Set<TimerFiring> all = new HashSet<>();
        q.forEach(all::add);
        assertEquals(new HashSet<>(ref), all);
        while (!ref.isEmpty()) {
            assertSame(ref.poll(), q.poll());
        }
        assertNull(q.poll());
        assertTrue(q.isEmpty());
    }
}
