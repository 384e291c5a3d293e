package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.raft.Bug;
import raftlab.raft.MessageType;
import raftlab.raft.Role;

/**
 * Figure 2's "respond to RPCs only after updating stable storage", made visible: with a disk sync time, a node's
 * messages leave only once its write is durable; a power loss loses what was not; the ack-before-persist bug sends
 * at once, and a power loss in that window breaks a promise already made.
 */
class PersistencePointTest {

    private static Cluster cluster(long syncMs) {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 4).withSync(syncMs));
        c.setHold(true);
        return c;
    }

    /** When n1's RequestVotes are sent, after its election timer is fired at time 0. */
    private static List<Long> voteRequestSendTimes(long syncMs, boolean ackBeforePersist) {
        Cluster c = cluster(syncMs);
        if (ackBeforePersist) {
            c.bugs().add(Bug.ACK_BEFORE_PERSIST);
        }
        List<Long> times = new ArrayList<>();
        c.addListener(new SimListener() {
            @Override
            public void sent(long time, InFlight m) {
                if (m.message.kind() == MessageType.REQUEST_VOTE) {
                    times.add(time);
                }
            }
        });
        c.fireElectionTimeout(1);
        c.tick(30);
        return times;
    }

    @Test
    void messagesWaitForTheWriteToBeDurable() {
        assertEquals(List.of(0L, 0L), voteRequestSendTimes(0, false), "--sync 0: at once, as before");
        assertEquals(List.of(20L, 20L), voteRequestSendTimes(20, false), "the new term and vote take 20 ms to sync");
        assertEquals(List.of(0L, 0L), voteRequestSendTimes(20, true), "the bug sends before the write is durable");
    }

    @Test
    void aPowerLossLosesWritesNotYetDurableAndACrashDoesNot() {
        Cluster crashed = cluster(20);
        crashed.fireElectionTimeout(1);
        crashed.crash(1);
        assertEquals(1, crashed.disk(1).currentTerm(), "a crash keeps what was written");
        assertEquals(1, crashed.disk(1).votedFor());

        Cluster powerless = cluster(20);
        powerless.fireElectionTimeout(1);
        powerless.tick(10);
        powerless.powerLoss(1);
        assertEquals(0, powerless.disk(1).currentTerm(), "10 ms into a 20 ms sync, the write is lost");
        assertEquals(0, powerless.disk(1).votedFor());
        assertTrue(powerless.inFlight().isEmpty(), "and the RequestVotes waiting for it never left");

        Cluster late = cluster(20);
        late.fireElectionTimeout(1);
        late.tick(20);
        late.powerLoss(1);
        assertEquals(1, late.disk(1).currentTerm(), "once durable, a write survives a power loss");
    }

    /**
     * n2 grants n1 its vote for term 1; its reply leaves before the vote is durable; n2 loses power, comes back
     * having never voted, and grants n3 its vote for the same term: two leaders of term 1.
     */
    private static List<Integer> leadersOfTermOne(boolean ackBeforePersist) {
        Cluster c = cluster(50);
        if (ackBeforePersist) {
            c.bugs().add(Bug.ACK_BEFORE_PERSIST);
        }
        c.fireElectionTimeout(1);
        c.tick(50); // n1's own vote is durable and its requests leave, whether or not the bug is on
        c.deliver(find(c, 1, 2, MessageType.REQUEST_VOTE));
        c.tick(10);
        c.powerLoss(2);
        c.restart(2);
        c.fireElectionTimeout(3);
        c.tick(50);
        c.deliver(find(c, 3, 2, MessageType.REQUEST_VOTE));
        c.tick(50);
        for (InFlight m : c.inFlight()) {
            if (m.message.kind() == MessageType.REQUEST_VOTE_REPLY) {
                c.deliver(m);
            }
        }
        List<Integer> leaders = new ArrayList<>();
        for (int id : c.ids()) {
            if (c.isUp(id) && c.node(id).role() == Role.LEADER && c.node(id).currentTerm() == 1) {
                leaders.add(id);
            }
        }
        return leaders;
    }

    @Test
    void ackBeforePersistWithAPowerLossElectsTwoLeadersInOneTerm() {
        assertEquals(List.of(1, 3), leadersOfTermOne(true));
        assertEquals(List.of(3), leadersOfTermOne(false), "n2's first vote never left, so only n3 wins");
    }

    private static InFlight find(Cluster c, int from, int to, MessageType type) {
        for (InFlight m : c.inFlight()) {
            if (m.message.from() == from && m.message.to() == to && m.message.kind() == type) {
                return m;
            }
        }
        throw new AssertionError("no " + type + " " + from + "->" + to + " in " + c.inFlight());
    }
}
