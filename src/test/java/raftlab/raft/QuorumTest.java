package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** A voter's position and the majority's index, against plain definitions, for small ids (a table) and large ones. */
class QuorumTest {
    @Test
    void positionsAgreeWithALinearSearch() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 2_000; round++) {
            int bound = round % 2 == 0 ? 20 : 1_000; // below the table's limit, and far above it
            int[] ids = r.ints(1 + r.nextInt(7), 1, bound).distinct().toArray();
            Quorum q = Quorum.of(ids);
            int[] sorted = q.ids();
            for (int id = -2; id < bound + 2; id++) {
                int expected = -1;
                for (int i = 0; i < sorted.length; i++) {
                    if (sorted[i] == id) {
                        expected = i;
                    }
                }
                assertEquals(expected, q.indexOf(id), "id " + id + " in " + q);
            }
        }
    }

    @Test
    void theMajorityIndexIsTheOneAMajorityHolds() {
        SplittableRandom r = new SplittableRandom(5);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + r.nextInt(7);
            int[] ids = new int[n];
            long[] acked = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
                acked[i] = r.nextInt(10);
            }
            Quorum q = Quorum.of(ids);
            long expected = 0; // the highest index that at least a majority has acknowledged
            for (long index = 0; index < 10; index++) {
                final long at = index;
                if (Arrays.stream(acked).filter(a -> a >= at).count() >= q.majority()) {
                    expected = index;
                }
            }
            assertEquals(expected, q.committedIndex(id -> acked[id - 1]), Arrays.toString(acked));
            assertEquals(expected, q.committedIndexInPlace(acked.clone()), Arrays.toString(acked));
        }
    }
}
