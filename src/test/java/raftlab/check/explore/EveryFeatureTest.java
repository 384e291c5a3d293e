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
}
