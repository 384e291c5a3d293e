package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/**
 * A leader's lease is judged by the tick its confirmed round left in, however many rounds are still unconfirmed:
 * the rounds' ticks are kept in a ring that grows, and a round kept across a growth keeps its tick.
 */
class ReadsLeaseTest {
    private static final Configuration VOTERS = Configuration.of(Quorum.of(1, 2, 3));
    private static final Reads.View LEADER = new Reads.View(Role.LEADER, 1, 1, 5, true, 5, VOTERS);

    private static long get(Reads reads, long requestId) {
        return reads.propose(new Command(CommandKind.GET, "k", null, requestId), LEADER, new Effects());
    }

    @Test
    void aRoundConfirmedAfterManyMoreWereSentStillDatesTheLease() {
        // Lease: electionMin / drift = 150 ms; a heartbeat is 50 ms, so the lease holds for a round sent within the
        // last three ticks (the current one included).
        Reads reads = new Reads(1, Settings.DEFAULT.withReads(ReadMode.LEASE, 1.0), EnumSet.noneOf(Bug.class),
                new KvStore());
        assertEquals(1, reads.becameLeader(1), "round 1 leaves at tick 0");
        for (int tick = 1; tick <= 3; tick++) {
            assertEquals(tick + 1, reads.heartbeat(VOTERS)); // rounds 2 to 4, at ticks 1 to 3
        }
        // Nothing confirmed yet: each get waits for a round of its own, all sent at tick 3 (rounds 5 to 20: more than
        // the ring's first 16 places, so it grows and moves the earlier rounds).
        for (long id = 5; id <= 20; id++) {
            assertEquals(id, get(reads, id));
        }
        reads.acknowledged(2, 10); // with the leader's own: a majority has round 10, sent at tick 3
        assertEquals(0, get(reads, 21), "round 10 left in this tick: the lease holds, no round needed");

        reads.heartbeat(VOTERS); // tick 4
        reads.heartbeat(VOTERS); // tick 5
        assertEquals(0, get(reads, 22), "round 10 left two ticks ago: 3 x 50 ms <= 150 ms");
        reads.heartbeat(VOTERS); // tick 6
        assertTrue(get(reads, 23) > 0, "round 10 left three ticks ago: 4 x 50 ms > 150 ms, a new round is needed");
    }
}
