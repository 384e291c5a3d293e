package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The cluster counts its events, and stops a run right after the event that uses up the budget it was given. */
class EventBudgetTest {
    @Test
    void stopsRightAfterTheLastEventOfTheBudget() {
        Cluster unlimited = new Cluster(ClusterConfig.defaults(3, 9));
        long[] heard = new long[1];
        unlimited.addListener(new SimListener() {
            @Override
            public void afterEvent(Cluster cluster) {
                heard[0]++;
            }
        });
        unlimited.tick(1_000);
        assertEquals(heard[0], unlimited.events(), "every event its listeners heard of, and no other");

        Cluster limited = new Cluster(ClusterConfig.defaults(3, 9));
        long[] heardLimited = new long[1];
        limited.addListener(new SimListener() {
            @Override
            public void afterEvent(Cluster cluster) {
                heardLimited[0]++;
            }
        });
        long budget = unlimited.events() / 2;
        limited.limitEvents(budget);
        assertThrows(OverBudget.class, () -> limited.tick(1_000));
        assertEquals(budget, limited.events());
        assertEquals(budget - 1, heardLimited[0], "the event that used up the budget reaches no listener");
    }
}
