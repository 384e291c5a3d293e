package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The store's map answers every put, get and remove as the HashMap it replaced did, under random use. */
class StringTableTest {
    @Test
    void behavesAsAHashMap() {
        for (int seed = 1; seed <= 200; seed++) {
            Random r = new Random(seed);
            HashMap<String, String> m = new HashMap<>();
            StringTable t = new StringTable();
            int keys = 1 + r.nextInt(seed % 2 == 0 ? 20 : 2000);
            for (int op = 0; op < 3000; op++) {
                String k = "k" + r.nextInt(keys);
                String where = "seed " + seed + " op " + op;
                switch (r.nextInt(10)) {
                    case 0, 1, 2, 3 -> assertEquals(m.put(k, "v" + op), t.put(k, "v" + op), where);
                    case 4, 5, 6 -> assertEquals(m.remove(k), t.remove(k), where);
                    case 7 -> {
                        if (r.nextInt(100) == 0) {
                            m.clear();
                            t.clear();
                        }
                    }
                    default -> assertEquals(m.get(k), t.get(k), where);
                }
                assertEquals(m.size(), t.size(), where);
            }
            assertEquals(new TreeMap<>(m), t.toTreeMap(), "seed " + seed);
            assertEquals(KvStore.fingerprint(m), t.sum((k, v) -> KvStore.fingerprint(java.util.Map.of(k, v))),
                    "seed " + seed);
        }
    }

    @Test
    void nullKeysAndValuesAreHeldLikeAnyOther() {
        StringTable t = new StringTable();
        assertEquals(null, t.put(null, "a"));
        assertEquals("a", t.put(null, null));
        assertEquals(null, t.put("x", null));
        assertEquals(2, t.size());
        assertEquals(null, t.remove(null));
        assertEquals(1, t.size());
        assertEquals(null, t.remove("x"));
        assertEquals(0, t.size());
    }
}
