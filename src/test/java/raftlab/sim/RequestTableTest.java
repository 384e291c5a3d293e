package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import raftlab.raft.Command;
import raftlab.raft.CommandKind;

/** The request table answers as the LinkedHashMap it replaced did, and its map view iterates by ascending id. */
class RequestTableTest {
    @Test
    void behavesAsALinkedHashMapOfIncreasingIds() {
        for (int seed = 1; seed <= 100; seed++) {
            Random r = new Random(seed);
            LinkedHashMap<Long, ClientOp> m = new LinkedHashMap<>();
            RequestTable t = new RequestTable();
            long next = 1;
            for (int op = 0; op < 2000; op++) {
                String where = "seed " + seed + " op " + op;
                if (r.nextInt(3) > 0 || m.isEmpty()) {
                    long id = next;
                    next += 1 + r.nextInt(3);
                    ClientOp c = new ClientOp(id, new Command(CommandKind.PUT, "k", "v", id), 1, op);
                    m.put(id, c);
                    t.put(c);
                } else {
                    List<Long> ids = new ArrayList<>(m.keySet());
                    long id = r.nextBoolean() ? ids.get(r.nextInt(ids.size())) : next + 5;
                    assertEquals(m.remove(id), t.remove(id), where);
                }
                long probe = 1 + r.nextInt((int) next);
                assertEquals(m.get(probe), t.get(probe), where);
                assertEquals(m.size(), t.size(), where);
            }
            assertEquals(new ArrayList<>(m.values()), t.inIdOrder(), "seed " + seed);
            assertEquals(new ArrayList<>(m.entrySet()), new ArrayList<>(t.asMap().entrySet()), "seed " + seed);
        }
    }
}
