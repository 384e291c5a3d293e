package raftlab.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import raftlab.check.invariant.AppliedStateMachines;
import raftlab.check.invariant.AppliedWithinCommit;
import raftlab.check.invariant.CommitWithinLog;
import raftlab.check.invariant.CommittedEntryDurability;
import raftlab.check.invariant.CommittedEntryKept;
import raftlab.check.invariant.Commitments;
import raftlab.check.invariant.ElectionSafety;
import raftlab.check.invariant.Invariant;
import raftlab.check.invariant.LeaderAppendOnly;
import raftlab.check.invariant.LeaderCompleteness;
import raftlab.check.invariant.LogMatching;
import raftlab.check.invariant.MonotonicCommit;
import raftlab.check.invariant.SnapshotCommitted;
import raftlab.check.invariant.TermOrigin;
import raftlab.check.invariant.TransferReadiness;
import raftlab.check.invariant.Watch;
import raftlab.raft.NodeEvent;
import raftlab.sim.Cluster;
import raftlab.sim.SimListener;

/**
 * Watches a running cluster and checks Raft's safety properties after every event, over the whole history. Each
 * property is a small class of its own in {@code raftlab.check.invariant}; this class runs them in a fixed order
 * and collects what they find.
 *
 * <p>A breach is thrown as a {@link SafetyBreach} out of the event loop at the end of the event that caused it, so
 * the run stops there. Checking goes on if the run is continued: every distinct breach is reported once (a state
 * that stays bad, like a committed entry missing from a majority, is not reported again at every event), and a new
 * one stops the run again.
 */
public final class SafetyMonitor implements SimListener {
    public static final String ELECTION_SAFETY = ElectionSafety.PROPERTY;
    public static final String LEADER_APPEND_ONLY = LeaderAppendOnly.PROPERTY;
    public static final String LOG_MATCHING = LogMatching.PROPERTY;
    public static final String LEADER_COMPLETENESS = LeaderCompleteness.PROPERTY;
    public static final String STATE_MACHINE_SAFETY = AppliedStateMachines.PROPERTY;
    public static final String MONOTONIC = MonotonicCommit.PROPERTY;
    public static final String APPLIED_COMMITTED = AppliedWithinCommit.PROPERTY;
    public static final String COMMIT_WITHIN_LOG = CommitWithinLog.PROPERTY;
    public static final String COMMITTED_KEPT = CommittedEntryKept.PROPERTY;
    public static final String DURABLE_COMMIT = CommittedEntryDurability.PROPERTY;
    public static final String TERM_ORIGIN = TermOrigin.PROPERTY;
    public static final String TRANSFER_READINESS = TransferReadiness.PROPERTY;
    public static final String SNAPSHOT_COMMITTED = SnapshotCommitted.PROPERTY;

    private final Cluster cluster;
    private final Watch watch;
    // The invariants, each in a field of its own type so that the calls for every event are direct (a loop over a
    // list of fourteen kinds was a measurable part of an explore run).
    private final ElectionSafety electionSafety;
    private final LeaderAppendOnly leaderAppendOnly = new LeaderAppendOnly();
    private final MonotonicCommit monotonicCommit = new MonotonicCommit();
    private final SnapshotCommitted snapshotCommitted;
    private final AppliedWithinCommit appliedWithinCommit = new AppliedWithinCommit();
    private final CommitWithinLog commitWithinLog = new CommitWithinLog();
    private final CommittedEntryKept committedEntryKept = new CommittedEntryKept();
    private final LogMatching logMatching = new LogMatching();
    private final Commitments commitments;
    private final LeaderCompleteness leaderCompleteness = new LeaderCompleteness();
    private final AppliedStateMachines appliedStateMachines;
    private final CommittedEntryDurability committedEntryDurability;
    private final TermOrigin termOrigin;
    private final TransferReadiness transferReadiness = new TransferReadiness();
    private final List<Breach> breaches = new ArrayList<>();
    private final HashSet<String> reported = new HashSet<>();
    /** Breaches found during the current event, raised once it is complete so no node is left half-way. */
    private final List<Breach> fresh = new ArrayList<>();

    /** A monitor for {@code cluster}, taking its current state as the starting point. Add it as a listener. */
    public SafetyMonitor(Cluster cluster) {
        this.cluster = cluster;
        this.watch = new Watch(cluster, this::report);
        this.commitments = watch.commitments();
        this.electionSafety = new ElectionSafety(watch);
        this.snapshotCommitted = new SnapshotCommitted(watch);
        this.appliedStateMachines = new AppliedStateMachines(watch);
        this.committedEntryDurability = new CommittedEntryDurability(watch);
        this.termOrigin = new TermOrigin(watch);
        // Order matters only where one reads another: commitments are brought up to date before completeness and
        // durability judge against them. Snapshots are judged against the commitments of earlier events (a correct
        // node compacts only what it applied before), and before applied-within-commit, which a snapshot of
        // uncommitted entries also breaks, so that the report names the snapshot. afterEvent runs them in this order.
        List<Invariant> invariants = List.of(electionSafety, leaderAppendOnly, monotonicCommit, snapshotCommitted,
                appliedWithinCommit, commitWithinLog, committedEntryKept, logMatching, commitments,
                leaderCompleteness, appliedStateMachines, committedEntryDurability, termOrigin, transferReadiness);
        List<Invariant> l = new ArrayList<>();
        for (Invariant i : invariants) {
            if (listensToNodeEvents(i)) {
                l.add(i);
            }
        }
        // nodeEvent calls those that listen directly, in this order (a loop over an array of six kinds cost a call
        // through the interface for each, at every node event): a new listener must be added there.
        if (!l.equals(List.of(electionSafety, leaderAppendOnly, leaderCompleteness, appliedStateMachines, termOrigin,
                transferReadiness))) {
            throw new IllegalStateException("SafetyMonitor.nodeEvent does not call every invariant that listens: " + l);
        }
    }

    /** Whether {@code i} overrides {@link Invariant#nodeEvent}: calling the empty default for every event costs. */
    private static boolean listensToNodeEvents(Invariant i) {
        return LISTENS.get(i.getClass());
    }

    /** Per invariant class, whether it listens (looked up by reflection once, not for every monitor: one a run). */
    private static final ClassValue<Boolean> LISTENS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("nodeEvent", Watch.class, NodeEvent.class).getDeclaringClass()
                        != Invariant.class;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    /** Every distinct breach found so far, in the order found. */
    public List<Breach> breaches() {
        return List.copyOf(breaches);
    }

    public boolean breached() {
        return !breaches.isEmpty();
    }

    private void report(String property, String key, String detail) {
        if (reported.add(property + "|" + key)) {
            Breach b = new Breach(cluster.now(), property, detail, cluster.lastEvent());
            breaches.add(b);
            fresh.add(b);
        }
    }

    @Override
    public void nodeEvent(long time, NodeEvent e) {
        watch.sync(e.node());
        // Those that override Invariant.nodeEvent, in the constructor's order (it checks the list).
        electionSafety.nodeEvent(watch, e);
        leaderAppendOnly.nodeEvent(watch, e);
        leaderCompleteness.nodeEvent(watch, e);
        appliedStateMachines.nodeEvent(watch, e);
        termOrigin.nodeEvent(watch, e);
        transferReadiness.nodeEvent(watch, e);
    }

    @Override
    public void afterEvent(Cluster c) {
        watch.look();
        if (watch.changedCount() == 0 && commitments.afterQuietEvent()) {
            // Most events change nothing any invariant reads (a heartbeat to a follower that is up to date, a client
            // acting): then every invariant but durability judges only the nodes that changed, none, and nothing
            // became committed (leader completeness judges only that). The full round below would do just this.
            committedEntryDurability.afterEvent(watch);
            raiseFresh();
            return;
        }
        // In the order of the constructor's list; election safety and transfer readiness judge only node events.
        leaderAppendOnly.afterEvent(watch);
        monotonicCommit.afterEvent(watch);
        snapshotCommitted.afterEvent(watch);
        appliedWithinCommit.afterEvent(watch);
        commitWithinLog.afterEvent(watch);
        committedEntryKept.afterEvent(watch);
        logMatching.afterEvent(watch);
        commitments.afterEvent(watch);
        leaderCompleteness.afterEvent(watch);
        appliedStateMachines.afterEvent(watch);
        committedEntryDurability.afterEvent(watch);
        termOrigin.afterEvent(watch);
        watch.remember();
        raiseFresh();
    }

    /** Throws the breaches found during this event, if any. */
    private void raiseFresh() {
        if (!fresh.isEmpty()) {
            List<Breach> found = List.copyOf(fresh);
            fresh.clear();
            throw new SafetyBreach(found);
        }
    }
}
