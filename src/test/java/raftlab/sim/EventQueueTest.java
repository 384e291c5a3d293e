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
}
