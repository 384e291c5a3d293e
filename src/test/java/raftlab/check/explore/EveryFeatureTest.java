package raftlab.check.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import raftlab.raft.ReadMode;

/** Every feature and every fault kind at once, no bug: regressions found by such runs. */
@Timeout(120)
class EveryFeatureTest {
    static final String ALL_KINDS = "partition,crash,loss,reorder,dup,power-loss,compact,skew,transfer,membership,"
            + "change-split,stale-leader";

    static ExploreOptions everything() {
        return new ExploreOptions(5, 10_000, FaultKind.parse(ALL_KINDS), 3, 3, 10, true, null)
                .withElections(true, true).withReads(ReadMode.LEASE).withSnapshotEvery(20);
    }

    /**
     * Seed 349 of `explore --prevote --checkquorum --reads lease --snapshot-every 20 --faults` (every kind): a
     * leader sent TimeoutNow to a node whose snapshot already covered the leader's whole log, and Transfer
     * Readiness asked that node's log for the term of a compacted index: the explore stopped with an internal error.
     * The checker now judges a compacted index by the snapshot.
     */
    @Test
    void transferReadinessJudgesATargetWhoseSnapshotCoversTheLeadersLog() {
        RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(349, everything()));
        assertFalse(r.failed(), r.toString());
    }

    /**
     * Seed 5827 of the same run (shrunk: reconfigure 1,2,3; then reconfigure 1,4,5 and partition 2,4,5 | 1,3 in one
     * millisecond; then partition 2,3 | 1,4,5): the leader n2 committed C_old,new with n3 and n4, appended C_new
     * (voters 1,4,5), gave it to n3 only, and stepped down (CheckQuorum). Only n2 and n3, both left out by C_new,
     * held it; n4 and n5 (still joint) needed n2's or n3's vote, which their longer logs refused, and n2 and n3 never
     * stood for election: no leader ever again. A node left out by an entry it does not know to be committed now
     * stands (with a pre-vote first), as the dissertation's section 4.1 says.
     */
    @Test
    void nodesLeftOutByAnUncommittedConfigurationStillStandForElection() {
        RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(5827, everything()));
        assertFalse(r.failed(), r.toString());
    }
}
