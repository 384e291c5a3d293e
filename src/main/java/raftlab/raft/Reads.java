package raftlab.raft;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Read-only requests served without a log entry (the dissertation's section 6.4), for one {@link ReferenceNode}: the
 * ReadIndex protocol, reads served by followers, and lease reads. With {@code --reads log} none of this runs: a get is
 * an entry like a write.
 *
 * <p>ReadIndex, at the leader: a read waits until the leader has committed an entry of its own term (before that its
 * commit index may be behind what earlier leaders committed); its read index is then the commit index. The leader sends
 * a round of heartbeats, numbered ({@link AppendEntries#read()}); a follower's answer echoes the number. Once a
 * majority (the leader included) has answered a round sent after the read arrived, no other leader can have been
 * elected before that moment, so the read index covers every write completed before the read began. The leader
 * answers once it has applied up to the read index. A follower asks the leader for a read index ({@link ReadIndex}),
 * the leader does the same and answers with it ({@link ReadIndexReply}), and the follower serves the read once it has
 * applied that far.
 *
 * <p>Lease: every heartbeat is a round. The leader counts its heartbeat timer's firings as its clock (it has no other),
 * and a round a majority answered gives it a lease from the moment the round left: followers that answered ignore
 * RequestVote for the minimum election timeout after they heard it (CheckQuorum), by their own clocks. The lease lasts
 * less than that, divided by the drift bound ({@link Settings#maxDrift()}), counted in whole heartbeats and rounded
 * against the leader: from the start of the tick the round left in to the end of the current tick. While the lease
 * holds, a read is answered at once. It is right only while no clock runs more than maxDrift times as fast as another.
 *
 * <p>The node calls in at the hooks below and carries out what they return (a round number to broadcast). Everything
 * here is volatile: a restarted node has no reads in progress (their clients are told the outcome is unknown).
 */
final class Reads {
    /** What the node is, when a hook runs. */
    record View(Role role, long term, int leaderId, long commitIndex, boolean committedInTerm, long lastApplied,
                Configuration voters) {
    }

    /** One read in progress, at the leader (its own client's or a follower's) or at a follower. */
    private static final class Pending {
        final long requestId;
        final String key;
        /** For a follower's read at the leader: who asked, and its number for the read; else 0. */
        final int peer;
        final long peerRead;
        /** The round that must be confirmed (sent after the read arrived); 0 if none is needed. */
        final long round;
        /** The read index, or -1 until it is known. */
        long index = -1;
        /** How the read was decided, for the client's answer. */
        String how;

        Pending(long requestId, String key, int peer, long peerRead, long round) {
            this.requestId = requestId;
            this.key = key;
            this.peer = peer;
            this.peerRead = peerRead;
            this.round = round;
        }
    }

    private final int id;
    private final Settings settings;
    private final Set<Bug> bugs;
    private final StateMachine kv;

    // Leader side, for the term in leaderTerm.
    private long leaderTerm = -1;
    /** The last round sent in this term (0: none). */
    private long round;
    /**
     * By node id: the highest round it echoed in this term (0: none). An array, grown when a higher id answers: it is
     * read for every voter whenever the leader settles its reads: the lookups in a TreeMap of boxed ids and rounds were
     * 2.7% of a steady explore's profile samples.
     */
    private long[] acked = new long[8];
    /** The leader's clock: heartbeat timer firings since it became leader. */
    private long ticks;
    /**
     * By round: the tick it left in, for the rounds from {@link #firstKept} to {@link #round} (rounds below the
     * confirmed one are forgotten), at {@code round & (length - 1)}. Rounds are numbered one after another and are
     * forgotten oldest first, so a ring of longs does what a TreeMap of boxed rounds did at every heartbeat (2% of a
     * steady explore's profile samples).
     */
    private long[] roundTicks = new long[16];
    private long firstKept = 1;
    /** A leadership transfer began in this term: no lease reads for the rest of it (see {@link #transferStarted}). */
    private boolean transferred;
    private final List<Pending> leaderReads = new ArrayList<>();
    /** False only when no read is in progress: set by every add below, cleared by {@link #busy} once all are empty. */
    private boolean mayBeBusy;

    // Follower side, for the term in followerTerm.
    private long followerTerm = -1;
    /** By the follower's read number: waiting for the leader's read index. */
    private final TreeMap<Long, Pending> asked = new TreeMap<>();
    /** With a read index, waiting until this node has applied that far. */
    private final List<Pending> followerReads = new ArrayList<>();

    Reads(int id, Settings settings, Set<Bug> bugs, StateMachine kv) {
        this.id = id;
        this.settings = settings;
        this.bugs = bugs;
        this.kv = kv;
    }

    /** Whether a get skips the log. */
    boolean handles(Command c) {
        return c.kind() == CommandKind.GET && settings.reads() != ReadMode.LOG;
    }

    // ---------------------------------------------------------------------------------------------- hooks

    /** Whether any read is in progress (so {@link #settle} has something to do). */
    boolean busy() {
        if (!mayBeBusy) {
            return false; // the usual answer, without reading the three collections (every step asks)
        }
        mayBeBusy = !leaderReads.isEmpty() || !asked.isEmpty() || !followerReads.isEmpty();
        return mayBeBusy;
    }

    /** A client's get: returns the round to broadcast now, or 0. */
    long propose(Command c, View v, Effects out) {
        if (v.role() == Role.LEADER) {
            return leaderRead(new Pending(c.requestId(), c.key(), 0, 0, 0), v, out);
        }
        if (v.role() != Role.FOLLOWER || v.leaderId() == 0) {
            out.reply(ClientReply.redirect(c.requestId(), v.leaderId(), "n" + id + " is a " + v.role().label()
                    + (v.leaderId() == 0 ? " and knows no leader to ask for a read index" : "")));
            return 0;
        }
        if (followerTerm != v.term()) {
            followerTerm = v.term();
        }
        // Numbered by the client's request id, unique in the run: a number counted here would start again after a
        // restart, and a reply to a read of the node's earlier life, still on the wire, would answer a new read with
        // an old index (explore found that one).
        long read = c.requestId();
        asked.put(read, new Pending(c.requestId(), c.key(), 0, 0, 0));
        mayBeBusy = true;
        out.send(new ReadIndex(id, v.leaderId(), v.term(), read));
        return 0;
    }

    /** A follower asks this node for a read index: returns the round to broadcast now, or 0. */
    long onReadIndex(ReadIndex m, View v, Effects out) {
        if (v.role() != Role.LEADER || m.term() != v.term()) {
            out.send(new ReadIndexReply(id, m.from(), v.term(), m.request(), false, 0));
            return 0;
        }
        return leaderRead(new Pending(0, null, m.from(), m.request(), 0), v, out);
    }

    /** The leader answers one of this follower's reads. */
    void onReadIndexReply(ReadIndexReply m, View v, Effects out) {
        if (m.term() != v.term() || followerTerm != v.term()) {
            return; // from another term: settle() has told those clients already
        }
        Pending p = asked.remove(m.request());
        if (p == null) {
            return; // a duplicate
        }
        if (!m.ok()) {
            // The node that refused does not lead (not in this term, at least): pointing the client back to it would
            // send it round in a loop, so name it only if this node has since learned of another leader.
            int hint = v.leaderId() == m.from() ? 0 : v.leaderId();
            out.reply(ClientReply.redirect(p.requestId, hint, "leader n" + m.from() + " refused a read index"));
            return;
        }
        p.index = m.index();
        p.how = "read index " + m.index() + " from leader n" + m.from();
        followerReads.add(p);
        mayBeBusy = true;
    }

    /** An answer of this leader's term from a voter, echoing read round {@code r} (0 if none). */
    void acknowledged(int from, long r) {
        // Only rounds of this term reach here (the node checks the answer's term), and each was sent by this leader.
        if (r > 0 && r <= round && r > ackedBy(from)) {
            if (from >= acked.length) {
                acked = java.util.Arrays.copyOf(acked, Math.max(from + 1, acked.length * 2));
            }
            acked[from] = r;
        }
    }

    /** This node became leader of {@code term}: returns the round its first broadcast carries (lease mode), or 0. */
    long becameLeader(long term) {
        leaderTerm = term;
        round = 0;
        ticks = 0;
        java.util.Arrays.fill(acked, 0);
        firstKept = 1;
        transferred = false;
        return settings.reads() == ReadMode.LEASE ? newRound() : 0;
    }

    /**
     * The leader's heartbeat timer fired (a tick of its clock): returns the round the heartbeat carries, or 0. With a
     * lease every heartbeat is a round; with ReadIndex only while reads wait for one (so a round whose messages were
     * lost is sent again).
     */
    long heartbeat(Configuration voters) {
        ticks++;
        if (settings.reads() == ReadMode.LEASE) {
            return newRound();
        }
        long confirmed = confirmedRound(voters);
        for (Pending p : leaderReads) {
            if (p.round > confirmed) {
                return newRound();
            }
        }
        return 0;
    }

    /**
     * A leadership transfer began: the target will start an election that voters grant despite their leases, maybe
     * much later (its TimeoutNow can be delayed in the network), so this leader's lease cannot be trusted for the rest
     * of its term. Reads go by ReadIndex rounds instead.
     */
    void transferStarted() {
        transferred = true;
    }

    /**
     * At the end of every step: answers the reads that are ready, and turns away those whose node stopped leading, or
     * moved to another term, before they were.
     */
    void settle(View v, Effects out) {
        if (!leaderReads.isEmpty()) {
            settleLeader(v, out);
        }
        if (!asked.isEmpty() || !followerReads.isEmpty()) {
            settleFollower(v, out);
        }
    }

    // ---------------------------------------------------------------------------------------------- leader

    private long leaderRead(Pending p, View v, Effects out) {
        if (bugs.contains(Bug.READ_WITHOUT_QUORUM)) {
            // The bug: what this node has applied is taken as the truth, with no round to confirm it still leads.
            answer(p, v.lastApplied(), "applied index " + v.lastApplied() + ", unconfirmed", v, out);
            return 0;
        }
        if (settings.reads() == ReadMode.LEASE && !transferred && v.committedInTerm() && leaseHolds(v.voters())) {
            p.index = v.commitIndex();
            p.how = "lease";
            leaderReads.add(p);
            mayBeBusy = true;
            return 0; // answered by settle() at the end of this step, once applied that far
        }
        Pending q = new Pending(p.requestId, p.key, p.peer, p.peerRead, newRound());
        leaderReads.add(q);
        mayBeBusy = true;
        return q.round;
    }

    private void settleLeader(View v, Effects out) {
        boolean leading = v.role() == Role.LEADER && v.term() == leaderTerm;
        long confirmed = confirmedRound(v.voters());
        for (Iterator<Pending> it = leaderReads.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!leading) {
                it.remove();
                String why = "n" + id + " stopped leading before the read was confirmed";
                if (p.peer != 0) {
                    out.send(new ReadIndexReply(id, p.peer, v.term(), p.peerRead, false, 0));
                } else {
                    out.reply(ClientReply.redirect(p.requestId, v.leaderId(), why));
                }
                continue;
            }
            if (p.index < 0 && v.committedInTerm()) {
                p.index = v.commitIndex(); // section 6.4, step 1: only once an entry of this term is committed
            }
            if (p.index < 0 || p.round > confirmed) {
                continue;
            }
            if (p.how == null) {
                p.how = "heartbeat round " + p.round;
            }
            if (p.peer != 0) {
                it.remove();
                out.send(new ReadIndexReply(id, p.peer, v.term(), p.peerRead, true, p.index));
            } else if (v.lastApplied() >= p.index) {
                it.remove();
                answer(p, p.index, "read index " + p.index + " (" + p.how + ")", v, out);
            }
        }
        if (confirmed > firstKept) {
            firstKept = confirmed;
        }
    }

    /** The highest round a majority of voters (this leader included) has answered. */
    private long confirmedRound(Configuration voters) {
        return voters.committedIndex(node -> node == id ? round : ackedBy(node));
    }

    private long ackedBy(int node) {
        return node < acked.length ? acked[node] : 0;
    }

    private long newRound() {
        round++;
        if (round - firstKept >= roundTicks.length) {
            long[] bigger = new long[roundTicks.length * 2];
            for (long r = firstKept; r < round; r++) {
                bigger[(int) (r & (bigger.length - 1))] = roundTicks[(int) (r & (roundTicks.length - 1))];
            }
            roundTicks = bigger;
        }
        roundTicks[(int) (round & (roundTicks.length - 1))] = ticks;
        return round;
    }

    /**
     * Whether the lease holds now: a majority answered a round that left at most (lease) ago, by this node's clock. The
     * clock is counted in heartbeats, so the round's tick is taken as when it left (it left then or later), and now as
     * the end of the current tick (it is that or earlier): the lease is cut short, never stretched.
     */
    private boolean leaseHolds(Configuration voters) {
        long confirmed = confirmedRound(voters);
        if (confirmed == 0) {
            return false;
        }
        if (confirmed < firstKept || confirmed > round) {
            return false; // forgotten (the voters changed since), or never sent
        }
        long sentTick = roundTicks[(int) (confirmed & (roundTicks.length - 1))];
        double lease = bugs.contains(Bug.LEASE_IGNORES_SKEW) ? settings.electionMin()
                : settings.electionMin() / settings.maxDrift();
        return (ticks - sentTick + 1) * settings.heartbeat() <= lease;
    }

    // ---------------------------------------------------------------------------------------------- follower

    private void settleFollower(View v, Effects out) {
        if (v.term() != followerTerm || v.role() != Role.FOLLOWER) {
            String why = "n" + id + " moved to term " + v.term() + " as a " + v.role().label()
                    + " before the read was served";
            for (Pending p : asked.values()) {
                out.reply(ClientReply.redirect(p.requestId, v.leaderId(), why));
            }
            for (Pending p : followerReads) {
                out.reply(ClientReply.redirect(p.requestId, v.leaderId(), why));
            }
            asked.clear();
            followerReads.clear();
            return;
        }
        for (Iterator<Pending> it = followerReads.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (v.lastApplied() >= p.index) {
                it.remove();
                answer(p, p.index, p.how, v, out);
            }
        }
    }

    private void answer(Pending p, long index, String how, View v, Effects out) {
        if (p.peer != 0) {
            out.send(new ReadIndexReply(id, p.peer, v.term(), p.peerRead, true, index));
            return;
        }
        // The state read may be newer than the read index: entries applied since were committed meanwhile, and a read
        // may see any write that completes before it answers. Said, so that a value from a later index is no surprise.
        String applied = v.lastApplied() > index ? ", state at applied index " + v.lastApplied() : "";
        out.reply(ClientReply.read(p.requestId, index, kv.get(p.key), how + applied));
    }
}
