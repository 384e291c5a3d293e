package raftlab.check.invariant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Terms small and large, negative ones included (a learner's node may report anything), keep their numbers. */
class TermTableTest {
    @Test
    void everyTermKeepsItsNumberAndOthersHaveNone() {
        TermTable t = new TermTable();
        long[] terms = {0, 1, 63, 64, 65, 1_000, 65_535, 65_536, 1L << 40, -1, Long.MAX_VALUE, Long.MIN_VALUE};
        for (int i = 0; i < terms.length; i++) {
            assertEquals(0, t.get(terms[i]), "term " + terms[i] + " before it was set");
            t.put(terms[i], i + 1);
        }
        for (int i = 0; i < terms.length; i++) {
            assertEquals(i + 1, t.get(terms[i]), "term " + terms[i]);
        }
        assertEquals(0, t.get(2));
        assertEquals(0, t.get(70_000));
        t.put(1, 9);
        assertEquals(9, t.get(1));
    }
}
