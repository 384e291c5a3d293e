package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import raftlab.raft.Effects;
import raftlab.raft.ForwardingNode;
import raftlab.raft.Message;
import raftlab.raft.MessageType;
import raftlab.raft.NodeFactory;
import raftlab.raft.RaftNode;
import raftlab.raft.TimerKind;
import raftlab.raft.TimerRequest;

/**
 * Each node draws its election timeouts from a stream of its own, and each directed link its latency from another
 * (issue 8, section 1). A change that does not matter to Raft, like the order in which a candidate sends its
 * RequestVotes, must then not change what any node draws.
 */
class IndependentStreamsTest {

    /** Election timeouts each node armed, in order, during a run with crashes that force many elections. */
    private static Map<Integer, List<Long>> electionDraws(boolean reverseVoteRequests) {
        Map<Integer, List<Long>> draws = new TreeMap<>();
        NodeFactory reference = NodeFactory.reference();
        NodeFactory factory = setup -> {
            RaftNode inner = reference.create(setup);
            draws.putIfAbsent(setup.id(), new ArrayList<>());
            return new Recording(inner, draws.get(setup.id()), reverseVoteRequests);
        };
        Cluster c = new Cluster(ClusterConfig.defaults(5, 11), factory);
        for (int round = 0; round < 6; round++) {
            c.tick(700);
            int leader = c.leader();
            if (leader != 0) {
                c.crash(leader);
                c.tick(300);
                c.restart(leader);
            }
        }
        return draws;
    }

    @Test
    void reversingTheOrderOfRequestVotesChangesNoNodesTimerDraws() {
        Map<Integer, List<Long>> forward = electionDraws(false);
        Map<Integer, List<Long>> reversed = electionDraws(true);
        assertEquals(5, forward.size());
        for (int id = 1; id <= 5; id++) {
            List<Long> a = forward.get(id);
            List<Long> b = reversed.get(id);
            assertTrue(a.size() > 5, "n" + id + " drew only " + a);
            int common = Math.min(a.size(), b.size());
            assertEquals(a.subList(0, common), b.subList(0, common), "n" + id + "'s election timeouts");
        }
    }

    @Test
    void theStreamsOfDifferentPurposesAndIdsDiffer() {
        long n1 = SimRandom.stream(1, SimRandom.NODE_TIMERS, 1, 0).nextLong();
        assertNotEquals(n1, SimRandom.stream(1, SimRandom.NODE_TIMERS, 2, 0).nextLong());
        assertNotEquals(n1, SimRandom.stream(2, SimRandom.NODE_TIMERS, 1, 0).nextLong());
        assertNotEquals(n1, SimRandom.stream(1, SimRandom.LINK, 1, 0).nextLong());
        assertNotEquals(SimRandom.stream(1, SimRandom.LINK, 1, 2).nextLong(),
                SimRandom.stream(1, SimRandom.LINK, 2, 1).nextLong(), "each direction of a link has its own");
        assertEquals(n1, SimRandom.stream(1, SimRandom.NODE_TIMERS, 1, 0).nextLong(), "and each is reproducible");
    }

    /** Wraps a node: records its election timer requests and, if asked, reverses the order of its RequestVotes. */
    private static final class Recording extends ForwardingNode {
        private final List<Long> draws;
        private final boolean reverse;

        Recording(RaftNode inner, List<Long> draws, boolean reverse) {
            super(inner);
            this.draws = draws;
            this.reverse = reverse;
        }

        @Override
        protected Effects after(Effects fx) {
            for (TimerRequest t : fx.timers()) {
                if (t.timer() == TimerKind.ELECTION && t.arm()) {
                    draws.add(t.delayMs());
                }
            }
            List<Message> votes = new ArrayList<>();
            for (Message m : fx.messages()) {
                if (m.kind() == MessageType.REQUEST_VOTE) {
                    votes.add(m);
                }
            }
            if (!reverse || votes.isEmpty()) {
                return fx;
            }
            Effects out = new Effects().persist(fx.persist());
            fx.events().forEach(out::event);
            fx.timers().forEach(out::timer);
            fx.replies().forEach(out::reply);
            for (Message m : fx.messages()) {
                if (m.kind() != MessageType.REQUEST_VOTE) {
                    out.send(m);
                }
            }
            for (int i = votes.size() - 1; i >= 0; i--) {
                out.send(votes.get(i));
            }
            return out;
        }
    }
}
