package raftlab.raft;

/**
 * A leader's view of one follower's log (Figure 2's nextIndex and matchIndex, with etcd's probe/replicate state).
 * Public getters are a read-only view for the lab's displays; only the core changes it.
 *
 * <p>Whether a refusal is stale is decided from the index it refuses alone: in replicate, anything at or below the
 * match is old news; in probe, only the refusal of the one probe in flight counts. That needs no bookkeeping of what
 * was sent, and it keeps reordered and duplicated refusals from moving nextIndex back or causing resends.
 */
public final class Progress {
    private long match;
    private long next;
    private ProgressState state = ProgressState.PROBE;
    /** In probe: a probe is on its way, so nothing more is sent until it is answered or the heartbeat comes. */
    private boolean probeSent;

    Progress(long next) {
        this.next = next;
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

    /** Whether the leader waits (an unanswered probe) before sending this follower anything more. */
    public boolean paused() {
        return state == ProgressState.PROBE && probeSent;
    }

    /** An AppendEntries ending at {@code last} went out: in replicate, assume it arrives; in probe, wait for it. */
    void sent(long last) {
        next = switch (state) {
            case REPLICATE -> last + 1;
            case PROBE -> {
                probeSent = true;
                yield next;
            }
        };
    }

    /** The heartbeat: a probe that went unanswered is sent again. */
    void resume() {
        probeSent = false;
    }

    /** The follower's log matches ours up to {@code index}. Returns whether that is news. */
    boolean acknowledged(long index) {
        boolean news = index > match;
        if (news) {
            match = index;
        }
        if (state == ProgressState.PROBE) {
            state = ProgressState.REPLICATE; // its position is known now
            probeSent = false;
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
        if (rejected <= match) {
            return false; // refuses what the follower has since acknowledged: reordered, duplicated or stale
        }
        if (state == ProgressState.PROBE && rejected != next - 1) {
            return false; // not the refusal of the probe in flight
        }
        next = Math.max(match + 1, Math.min(hintNext, rejected));
        state = ProgressState.PROBE;
        probeSent = false;
        return true;
    }

    @Override
    public String toString() {
        return state.label() + " match=" + match + " next=" + next;
    }
}
