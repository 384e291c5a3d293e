package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The cluster counts its events, and stops a run right after the event that uses up the budget it was given. */
class EventBudgetTest {
    /** A cluster of 3 (seed 9) and a count of the events its listeners hear of, in element 0. */
    private static Cluster cluster(long[] heard) {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 9));
        c.addListener(new SimListener() {
            @Override
            public void afterEvent(Cluster cluster) {
                heard[0]++;
            }
        });
        return c;
    }

    @Test
    void stopsRightAfterTheLastEventOfTheBudget() {
        long[] heard = new long[1];
        Cluster unlimited = cluster(heard);
        unlimited.tick(1_000);
        assertEquals(heard[0], unlimited.events(), "every event its listeners heard of, and no other");

        long[] heardLimited = new long[1];
        Cluster limited = cluster(heardLimited);
        long budget = unlimited.events() / 2;
        limited.limitEvents(budget);
        assertThrows(OverBudget.class, () -> limited.tick(1_000));
        assertEquals(budget, limited.events());
        assertEquals(budget - 1, heardLimited[0], "the event that used up the budget reaches no listener");
    }
}
