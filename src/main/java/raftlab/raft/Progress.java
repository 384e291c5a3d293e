package raftlab.raft;

/**
 * A leader's view of one follower's log (Figure 2's nextIndex and matchIndex, with etcd's probe/replicate/snapshot
 * state). Public getters are a read-only view for the lab's displays; only the core changes it.
 *
 * <p>Whether a refusal is stale is decided from the index it refuses alone: in replicate, anything at or below the
 * match is old news; in probe, only the refusal of the one probe in flight counts; in snapshot, every refusal is of
 * something sent before the snapshot. That needs no bookkeeping of what was sent, and it keeps reordered and
 * duplicated refusals from moving nextIndex back or causing resends.
 *
 * <p>Flow control in replicate: with a limit of {@code maxInflight} AppendEntries carrying entries, the last index of
 * each one unanswered is kept in a ring; an acknowledgement frees those it covers. A follower that fills the ring and
 * answers nothing for a whole heartbeat interval is taken to have lost them: back to probe from its match.
 */
public final class Progress {
    private long match;
    private long next;
    private ProgressState state = ProgressState.PROBE;
    /** In probe: a probe is on its way, so nothing more is sent until it is answered or the heartbeat comes. */
    private boolean probeSent;

    /** Replicate with a limit: last indexes of the AppendEntries in flight, oldest first (a ring); null if no limit. */
    private final long[] inflight;
    private int inflightHead;
    private int inflightCount;
    /** Whether the follower answered anything since the last heartbeat. */
    private boolean heard;

    /** Snapshot: the index of the snapshot being sent, and how many of its bytes the follower said it holds. */
    private long pendingSnapshot;
    private int snapshotReceived;

    Progress(long next) {
        this(next, 0);
    }

    Progress(long next, int maxInflight) {
        this.next = next;
        this.inflight = maxInflight > 0 ? new long[maxInflight] : null;
    }

    /** The highest index known to be on the follower's log and to match ours. */
    public long match() {
        return match;
    }

    /** The index of the next entry to send. */
    public long next() {
        return next;
    }

    public ProgressState state() {
        return state;
    }

    /** AppendEntries carrying entries sent in replicate and not yet answered (counted only with a limit). */
    public int inflight() {
        return inflightCount;
    }

    /** In snapshot state, the index of the snapshot being sent (0 otherwise). */
    public long pendingSnapshot() {
        return state == ProgressState.SNAPSHOT ? pendingSnapshot : 0;
    }

    int snapshotReceived() {
        return snapshotReceived;
    }

    /**
     * Whether the leader waits before sending this follower more entries: an unanswered probe, a full window of
     * AppendEntries in replicate, or a snapshot on its way.
     */
    public boolean paused() {
        return switch (state) {
            case PROBE -> probeSent;
            case REPLICATE -> inflight != null && inflightCount == inflight.length;
            case SNAPSHOT -> true;
        };
    }

    /** An AppendEntries ending at {@code last} went out: in replicate, assume it arrives; in probe, wait for it. */
    void sent(long last, boolean withEntries) {
        next = switch (state) {
            case REPLICATE -> {
                if (withEntries && inflight != null && inflightCount < inflight.length) {
                    inflight[(inflightHead + inflightCount) % inflight.length] = last;
                    inflightCount++;
                }
                yield last + 1;
            }
            case PROBE -> {
                probeSent = true;
                yield next;
            }
            case SNAPSHOT -> next;
        };
    }

    /**
     * The heartbeat. A probe that went unanswered is sent again; a replicate window that is full and drew no answer
     * since the last heartbeat is taken as lost (back to probe from the match).
     */
    void heartbeat() {
        boolean silent = !heard;
        heard = false;
        switch (state) {
            case PROBE -> probeSent = false;
            case REPLICATE -> {
                if (silent && paused()) {
                    becomeProbe(match + 1);
                }
            }
            case SNAPSHOT -> {
            }
        }
    }

    /** The follower's log matches ours up to {@code index}. Returns whether that is news. */
    boolean acknowledged(long index) {
        heard = true;
        boolean news = index > match;
        if (news) {
            match = index;
        }
        switch (state) {
            case PROBE -> {
                state = ProgressState.REPLICATE; // its position is known now
                probeSent = false;
            }
            case REPLICATE -> {
            }
            case SNAPSHOT -> {
                if (match >= pendingSnapshot) {
                    state = ProgressState.REPLICATE; // it has all the snapshot covers, one way or another
                }
            }
        }
        while (inflightCount > 0 && inflight[inflightHead] <= index) {
            inflightHead = (inflightHead + 1) % inflight.length;
            inflightCount--;
        }
        next = Math.max(next, match + 1);
        return news;
    }

    /**
     * The follower refused an AppendEntries whose prevLogIndex was {@code rejected}; its hint says to try
     * {@code hintNext} next. Returns false, changing nothing, if the refusal is stale; otherwise moves back to probe
     * from the hint (never below match + 1, never above the refused index).
     */
    boolean refused(long rejected, long hintNext) {
        heard = true;
        if (rejected <= match || state == ProgressState.SNAPSHOT) {
            return false; // refuses what the follower has since acknowledged, or what was sent before the snapshot
        }
        if (state == ProgressState.PROBE && rejected != next - 1) {
            return false; // not the refusal of the probe in flight
        }
        becomeProbe(Math.max(match + 1, Math.min(hintNext, rejected)));
        return true;
    }

    private void becomeProbe(long from) {
        next = from;
        state = ProgressState.PROBE;
        probeSent = false;
        inflightCount = 0;
    }

    /** The follower's next entry is compacted: the snapshot up to {@code index} goes out instead. */
    void sendingSnapshot(long index) {
        if (state != ProgressState.SNAPSHOT || pendingSnapshot != index) {
            snapshotReceived = 0;
        }
        state = ProgressState.SNAPSHOT;
        pendingSnapshot = index;
        inflightCount = 0;
    }

    /**
     * The follower answered an InstallSnapshot of snapshot {@code index}: it holds it ({@code installed}), or it has
     * its first {@code received} bytes so far. Returns whether it now holds it (the leader goes on replicating).
     */
    boolean snapshotAnswered(long index, boolean installed, int received) {
        heard = true;
        if (installed) {
            acknowledged(index); // its log matches ours up to the snapshot: replicate from there
            return state == ProgressState.REPLICATE;
        }
        if (state == ProgressState.SNAPSHOT && index == pendingSnapshot) {
            snapshotReceived = Math.max(snapshotReceived, received);
        }
        return false;
    }

    @Override
    public String toString() {
        return state.label() + " match=" + match + " next=" + next;
    }
}
