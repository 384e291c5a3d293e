package raftlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import raftlab.check.explore.ExploreOptions;
import raftlab.check.explore.FaultKind;
import raftlab.check.explore.FirstFailure;
import raftlab.check.explore.RunResult;
import raftlab.lab.Lab;
import raftlab.raft.Bug;

/** Every classic bug, switched on, really breaks the property it is known for; switched off, the same run is safe. */
@Timeout(120)
class BugsTest {
    private static String run(Lab lab, String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(lab.execute(l).text());
        }
        return sb.toString();
    }

    /** Two candidates in one term; n3 votes for n1, reboots, and (forgetting its vote) votes for n2 too. */
    private static final String[] DOUBLE_VOTE = {"cluster 3 --seed 1", "hold on", "timeout 1", "timeout 2",
        "deliver --from 1 --to 3", "crash 3", "restart 3", "deliver --from 2 --to 3", "deliver --all"};

    @Test
    void forgetVoteLetsARebootedNodeVoteTwiceInOneTerm() {
        Lab lab = new Lab();
        lab.execute(DOUBLE_VOTE[0]);
        lab.execute("bug forget-vote on");
        String out = run(lab, java.util.Arrays.copyOfRange(DOUBLE_VOTE, 1, DOUBLE_VOTE.length));
        assertTrue(out.contains("SAFETY BREACH: Election Safety: n1 and n2 both became leader of term 1"), out);
        assertEquals(1, lab.breaches().size());
    }

    @Test
    void withoutForgetVoteTheRebootedNodeRemembersItsVote() {
        Lab lab = new Lab();
        String out = run(lab, DOUBLE_VOTE);
        assertTrue(out.contains("n3 refuses vote to n2 in term 1 (already voted for n1)"), out);
        assertTrue(!out.contains("SAFETY BREACH"), out);
        assertEquals(java.util.List.of(), lab.breaches());
    }

    @Test
    void earlyApplyAppliesBeforeCommitting() {
        Lab lab = new Lab();
        String out = run(lab, "tick 400", "bug early-apply on", "put x 1");
        assertTrue(out.contains("SAFETY BREACH: Applied <= Committed"), out);
    }

    private static ExploreOptions all(long time, Bug bug) {
        return new ExploreOptions(5, time,
                FaultKind.parse("partition,crash,loss,reorder,dup,isolate-leader,reboot-voter"), 3, 3, 10, true, bug);
    }

    @Test
    void naiveSeedBreaksLogMatching() {
        RunResult r = FirstFailure.among(10, all(3000, Bug.NAIVE_SEED));
        assertEquals(SafetyMonitor.LOG_MATCHING, r.property(), r.line());
    }

    @Test
    void noUpToDateCheckElectsALeaderWithoutCommittedEntries() {
        RunResult r = FirstFailure.among(20, all(10_000, Bug.NO_UP_TO_DATE_CHECK));
        assertEquals(SafetyMonitor.LEADER_COMPLETENESS, r.property(), r.line());
    }

    @Test
    void truncateOnStaleAppendLosesACommittedEntry() {
        RunResult r = FirstFailure.among(5, all(3000, Bug.TRUNCATE_ON_STALE_APPEND));
        assertTrue(r != null && Set.of(SafetyMonitor.DURABLE_COMMIT, SafetyMonitor.LEADER_COMPLETENESS,
                SafetyMonitor.STATE_MACHINE_SAFETY).contains(r.property()), r == null ? "none" : r.line());
    }

    @Test
    void theSameSchedulesAreSafeWithNoBug() {
        assertEquals(null, FirstFailure.among(3, all(3000, null)));
    }
}
