package raftlab.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.Explorer;
import raftlab.check.explore.FaultKind;
import raftlab.raft.CommandKind;
import raftlab.raft.Effects;
import raftlab.raft.ForwardingNode;
import raftlab.raft.NodeFactory;
import raftlab.raft.RaftNode;
import raftlab.raft.ReferenceNode;
import raftlab.raft.TimerKind;
import raftlab.raft.TimerRequest;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.NodeFailure;

/**
 * The guard's contract is the one the lab's own core keeps: run guarded through explore's default faults (crashes
 * and restarts included, so disk writes and restored state are exercised), the reference core never trips it, and
 * every run is the same as without the guard.
 */
class GuardedNodeTest {
    /**
     * Every method of the node interface is forwarded: a method the guard left to the interface's default would
     * silently give a learner's node the default's answer (as a new call added to RaftNode would).
     */
    @Test
    void theGuardForwardsEveryMethodOfTheInterface() throws NoSuchMethodException {
        List<String> notForwarded = new ArrayList<>();
        for (Method m : RaftNode.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method g = GuardedNode.class.getMethod(m.getName(), m.getParameterTypes());
            if (g.getDeclaringClass() != GuardedNode.class) {
                notForwarded.add(m.getName());
            }
        }
        assertEquals(List.of(), notForwarded);
    }

    @Test
    void theLabsOwnCoreKeepsTheContractTheGuardChecks() {
        NodeFactory guarded = GuardedNode.guarding(NodeFactory.reference(), "ReferenceNode");
        Set<FaultKind> kinds = FaultKind.parse(FaultKind.defaultLabels());
        ExploreOptions o = new ExploreOptions(5, 5_000, kinds, 3, ExploreOptions.DEFAULT_KEYS,
                ExploreOptions.DEFAULT_RATE, true, null);
        Explorer.Report plain = Explorer.explore(1, 60, o, 2, null);
        Explorer.Report report = Explorer.explore(1, 60, o, 2, null, guarded);
        assertEquals(0, report.failures().size(), report.lines().toString());
        // Guarding changes nothing a run does: the same events, one for one.
        assertEquals(plain.events(), report.events());
        assertTrue(report.events() > 60 * 1000, "the runs did something: " + report.events() + " events");
    }

    /**
     * Nodes join and leave under the membership fault kind: a guarded node that replicates to a node added after it
     * started, or votes for one, keeps the contract. (The guard once allowed only the starting voters, and failed
     * every learner's node that implemented membership change at its first AppendEntries to a new node.)
     */
    @Test
    void nodesThatJoinLaterAreNodesAGuardedNodeMayTalkTo() {
        NodeFactory guarded = GuardedNode.guarding(NodeFactory.reference(), "ReferenceNode");
        Set<FaultKind> kinds = FaultKind.parse("partition,crash,loss,membership");
        ExploreOptions o = new ExploreOptions(3, 5_000, kinds, 3, ExploreOptions.DEFAULT_KEYS,
                ExploreOptions.DEFAULT_RATE, true, null);
        Explorer.Report plain = Explorer.explore(1, 40, o, 2, null);
        Explorer.Report report = Explorer.explore(1, 40, o, 2, null, guarded);
        assertEquals(0, report.failures().size(), report.lines().toString());
        assertEquals(plain.events(), report.events());
    }

    /**
     * A flush timer may be armed for 0 ms (it fires at the end of the instant, how a batching leader sends what was
     * proposed in it), but a node that arms it again from the flush itself would hold the clock in that instant for
     * ever: the guard names it.
     */
    @Test
    void aFlushThatArmsItselfAgainIsNamed() {
        NodeFactory reflush = setup -> new ForwardingNode(new ReferenceNode(setup)) {
            @Override
            public Effects timeout(TimerKind timer) {
                Effects fx = inner.timeout(timer);
                if (timer == TimerKind.FLUSH) {
                    fx.timer(TimerRequest.arm(TimerKind.FLUSH, 0));
                }
                return fx;
            }
        };
        Cluster c = new Cluster(ClusterConfig.defaults(3, 1), GuardedNode.guarding(reflush, "Reflush"));
        c.tick(400);
        int l = c.leader();
        assertTrue(l != 0, "a leader was elected: the flush timer at 0 ms is allowed");
        c.submit(l, CommandKind.PUT, "k", "v");
        Executable instant = () -> c.tick(1);
        NodeFailure f = assertThrows(NodeFailure.class, instant);
        assertEquals("n" + l + " (Reflush) failed while handling its flush timeout: it arms its flush timer for 0 ms"
                + " again while handling it: the instant would never end", f.getMessage());
    }
}
