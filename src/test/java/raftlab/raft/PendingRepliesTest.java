package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * PendingReplies must iterate exactly as the {@code HashMap<Long, List<Long>>} it replaced (a stepping-down leader
 * answers its waiting requests in that order), and find and remove the same things. Random use, side by side.
 */
class PendingRepliesTest {
    /** How the keys are drawn: near one another (a log's indexes), colliding in a small table, anywhere. */
    private static long key(Random r, int kind, long base) {
        return switch (kind) {
            case 0 -> base + r.nextInt(200);
            case 1 -> 64L * r.nextInt(40) + (r.nextBoolean() ? 0 : 1 << 16);
            default -> r.nextLong() >>> r.nextInt(64);
        };
    }

    private static List<long[]> order(HashMap<Long, List<Long>> m) {
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> e : m.entrySet()) {
            for (long id : e.getValue()) {
                out.add(new long[] {e.getKey(), id});
            }
        }
        return out;
    }

    private static List<long[]> order(PendingReplies p) {
        List<long[]> out = new ArrayList<>();
        p.forEach((index, id) -> out.add(new long[] {index, id}));
        return out;
    }

    private static void assertSameOrder(HashMap<Long, List<Long>> m, PendingReplies p, String where) {
        List<long[]> a = order(m);
        List<long[]> b = order(p);
        assertEquals(a.size(), b.size(), where);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i)[0], b.get(i)[0], where + ": key at " + i);
            assertEquals(a.get(i)[1], b.get(i)[1], where + ": request at " + i);
        }
        assertEquals(m.isEmpty(), p.isEmpty(), where);
    }

    @Test
    void iteratesAndRemovesAsTheHashMapItReplaced() {
        int handedOver = 0;
        for (int seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            int kind = seed % 3;
            HashMap<Long, List<Long>> m = new HashMap<>();
            PendingReplies p = new PendingReplies();
            long base = r.nextInt(1 << 20);
            long req = 1;
            int ops = 50 + r.nextInt(400);
            for (int op = 0; op < ops; op++) {
                int what = r.nextInt(100);
                String where = "seed " + seed + " op " + op;
                if (what < 60) {
                    long k = key(r, kind, base);
                    long id = req++;
                    m.computeIfAbsent(k, x -> new ArrayList<>(1)).add(id);
                    p.add(k, id);
                } else if (what < 95) {
                    long k = r.nextBoolean() && !m.isEmpty() ? m.keySet().iterator().next() : key(r, kind, base);
                    List<Long> expected = m.remove(k);
                    PendingReplies.Waiting got = p.remove(k);
                    if (expected == null) {
                        assertEquals(null, got, where);
                    } else {
                        assertEquals(expected.size(), got.count(), where);
                        for (int i = 0; i < expected.size(); i++) {
                            assertEquals((long) expected.get(i), got.get(i), where);
                        }
                    }
                    base += r.nextInt(3);
                } else if (what < 97) {
                    m.clear();
                    p.clear();
                } else {
                    base += 1000;
                }
                assertSameOrder(m, p, where);
            }
            if (isHandedOver(p)) {
                handedOver++;
            }
        }
        assertTrue(handedOver > 0, "some runs should reach a bin HashMap makes a tree, to test the hand-over");
    }

    private static boolean isHandedOver(PendingReplies p) {
        try {
            java.lang.reflect.Field f = PendingReplies.class.getDeclaredField("map");
            f.setAccessible(true);
            return f.get(p) != null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
