package raftlab.raft;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The lab's own Raft server, Figure 2 of the paper followed rule by rule: one implementation of {@link RaftNode}.
 * Each step collects what it does in {@link #out} and returns it.
 *
 * <p>Volatile state (role, commitIndex, lastApplied, leader bookkeeping, the state machine) lives in this object and
 * is lost on a crash. Persistent state lives in {@link #state}, this node's working copy of its disk: at the end of
 * every step that changed it, the step's batch carries a {@link DiskWrite} with the change (see {@link #finish}).
 */
public final class ReferenceNode implements RaftNode {
    private final int id;
    /** The configuration the cluster started with: in force until the log or a snapshot holds a configuration entry. */
    private final Quorum bootVoters;
    /**
     * The configuration in force (see {@link Membership}): the last configuration entry in the log, committed or not,
     * else the snapshot's, else the boot one. Every majority is counted over it.
     */
    private Configuration config;
    /** The index of the entry {@link #config} comes from (the snapshot's index, or 0 for the boot configuration). */
    private long configIndex;
    /**
     * Everyone in {@link #config}, and this node; for a leader also the nodes a change left out until they hold the
     * entry that did it (so that they learn they are out and fall silent). Per-peer state below is indexed by
     * position in it.
     */
    private Quorum members;
    /** How many of {@link #members} are in {@link #config} (or this node): the rest are leaving. */
    private int configMembers;
    private final Settings settings;
    private final Set<Bug> bugs;
    private final PersistentState state;
    private final RandomSource random;
    private final StateMachine kv;
    /** The batch of the step in progress: {@link #batch} while a step runs, null between steps. */
    private Effects out;
    /**
     * The one batch this node fills, step after step: the contract lets the lab read a batch only until the node's
     * next step, so it need not be a new one (nor need its lists) each time.
     */
    private final Effects batch = new Effects();
    /** Timer requests that never vary, made once: the simulation's timer handling reads them and keeps none. */
    private final TimerRequest heartbeatArm;
    private final TimerRequest leaseArm;
    private final TimerRequest quorumCheckArm;
    private final TimerRequest flushArm = TimerRequest.arm(TimerKind.FLUSH, 0);
    /** Election timer armings by delay minus electionMin, made when first drawn (null if the span is too wide). */
    private final TimerRequest[] electionArms;
    /** The term and vote when the step began: a change must be persisted. */
    private long termBefore;
    private int voteBefore;

    private Role role = Role.FOLLOWER;
    private int leaderId;
    private long commitIndex;
    private long lastApplied;
    /**
     * How much of this node's log its disk is known to hold durably (see {@link #persisted}): the prefix up to here is
     * the one the lab reported durable. 0 after a restart until the next write of this incarnation is durable.
     */
    private long durableIndex;

    // Candidate state: who granted or refused us a vote in the current term.
    private boolean[] granted;
    private boolean[] refused;
    /** Leader state: one Progress per voter (Figure 2's nextIndex[] and matchIndex[]); null unless leading. */
    private Progress[] progress;
    /** Scratch space for the commit rule: each voter's match index, by position. */
    private long[] matchScratch;
    /**
     * Requests this node accepted as leader, by the log index it placed them at, awaiting the apply of that index.
     * One index can hold several: a request whose entry a later leader cut off stays here, because its entry may
     * still be committed (another node kept it); only what is committed at the index decides.
     */
    private final PendingReplies pending = new PendingReplies(); // iterates as the HashMap it replaced did

    /** Batching: a flush is armed, for the entries from this index on. */
    private boolean flushArmed;
    private long flushFrom;
    /** A snapshot this step took or installed, to be written with the step's disk write; null if none. */
    private Snapshot snapshotToPersist;
    /** The bytes of our snapshot as sent in InstallSnapshot chunks, made when first needed; null until then. */
    private byte[] snapshotData;
    private long snapshotDataIndex = -1;
    /** A snapshot arriving in chunks: its last index and term, the chunks by offset, and its size once known. */
    private long incomingIndex;
    private long incomingTerm;
    private TreeMap<Integer, byte[]> incomingChunks;
    private int incomingSize = -1;

    // PreVote, CheckQuorum and leadership transfer. With the default settings and no transfer asked for, all stay idle.
    /** A leader of the current term was heard from less than the minimum election timeout ago (LEASE is running). */
    private boolean leaseHeld;
    /** Leader with CheckQuorum: the voters heard from since the last check, by position. */
    private boolean[] heardFrom;
    /** Leader: the voter leadership is being handed to, or 0. */
    private int transferTo;
    /** Leader: TimeoutNow went to {@link #transferTo} (once per transfer: a second one would start a second election). */
    private boolean timeoutNowSent;
    /** Candidate: this election was started by a leader's TimeoutNow, so its RequestVotes say so. */
    private boolean transferElection;

    /** Gets served without a log entry (ReadIndex, follower reads, leases): see {@link Reads}. */
    private final Reads reads;
    /** The read round the AppendEntries being sent carry (0: none). */
    private long sendingRound;
    /**
     * Lease reads: a node just (re)started may have answered a heartbeat round before it went down, which a leader
     * counts toward its lease, and remembers nothing of it; it ignores RequestVote as if it still heard from that
     * leader, for the minimum election timeout (LEASE runs).
     */
    private boolean bootLease;

    public ReferenceNode(NodeSetup setup) {
        this.id = setup.id();
        this.bootVoters = setup.voters();
        this.settings = setup.settings();
        this.bugs = setup.bugs();
        this.state = setup.restored().copy();
        this.random = setup.random();
        this.kv = setup.stateMachine();
        Membership.Found found = Membership.latest(state.log, state.log.lastIndex(), state.snapshot, bootVoters);
        config = found.config();
        configIndex = found.index();
        members = Membership.members(config, id);
        configMembers = members.size();
        granted = new boolean[members.size()];
        refused = new boolean[members.size()];
        matchScratch = new long[members.size()];
        heardFrom = new boolean[members.size()];
        reads = new Reads(id, settings, bugs, kv);
        heartbeatArm = TimerRequest.arm(TimerKind.HEARTBEAT, settings.heartbeat());
        leaseArm = TimerRequest.arm(TimerKind.LEASE, settings.electionMin());
        quorumCheckArm = TimerRequest.arm(TimerKind.ELECTION, settings.electionMax());
        long span = settings.electionMax() - settings.electionMin() + 1;
        electionArms = span > 0 && span <= 4096 ? new TimerRequest[(int) span] : null;
        Snapshot snap = state.snapshot;
        if (snap.index() > 0) {
            // A restart from a snapshot: what it covers was applied (and so committed) before the snapshot was taken.
            kv.restore(snap.image(), snap.sessions());
            commitIndex = snap.index();
            lastApplied = snap.index();
        }
    }

    // ---------------------------------------------------------------------------------------------- steps

    private void begin() {
        begin(true);
    }

    private void begin(boolean mayCompact) {
        batch.clear();
        out = batch;
        termBefore = state.currentTerm;
        voteBefore = state.votedFor;
        if (!mayCompact) {
            return;
        }
        // Automatic compaction happens at the start of a step, never in the step that applied the entries: the events
        // of that step (commit, apply) may still be read against the entries they name.
        long compactable = Math.min(lastApplied, state.log.lastIndex()) - state.log.snapshotIndex();
        if (settings.snapshotEvery() > 0 && compactable >= settings.snapshotEvery()) {
            takeSnapshot();
        }
    }

    /** Ends the step: adds the disk write for whatever persistent state it changed, and hands the batch over. */
    private Effects finish() {
        if (role == Role.LEADER && commitIndex >= configIndex && configIndex > 0) {
            configCommitted();
        }
        if (role == Role.LEADER && members.size() > configMembers) {
            dropLeft();
        }
        if (reads.busy()) {
            reads.settle(readView(), out); // reads now ready are answered; those of a lost leadership turned away
        }
        long from = state.log.takeChangedFrom();
        Snapshot snap = snapshotToPersist;
        snapshotToPersist = null;
        if (from != Long.MAX_VALUE || state.currentTerm != termBefore || state.votedFor != voteBefore || snap != null) {
            long last = state.log.lastIndex();
            // Entries at or below the snapshot are not the log's to write: the snapshot stands for them.
            long keep = Math.max(Math.min(from - 1, last), state.log.snapshotIndex());
            List<Entry> appended = keep >= last ? EntryList.EMPTY : state.log.slice(keep + 1, last);
            out.persist(new DiskWrite(state.currentTerm, state.votedFor, keep, appended, snap));
        }
        Effects done = out;
        out = null;
        return done;
    }

    /** The node boots or restarts: a follower that waits for a leader. */
    @Override
    public Effects start() {
        begin();
        if (bugs.contains(Bug.FORGET_VOTE)) {
            state.votedFor = 0; // the bug: the vote was never really on disk
        }
        resetElectionTimer();
        if (settings.reads() == ReadMode.LEASE) {
            bootLease = true;
            leaseHeld = true;
            out.timer(leaseArm);
        }
        return finish();
    }

    @Override
    public Effects timeout(TimerKind timer) {
        begin();
        Effects handled = switch (timer) {
            case ELECTION -> electionTimeout();
            case HEARTBEAT -> heartbeatTimeout();
            case LEASE -> leaseExpired();
            case FLUSH -> flush();
        };
        assert handled == out;
        return finish();
    }

    @Override
    public Effects receive(Message m) {
        begin();
        if (m instanceof RequestVote rv && ignoredUnderLease(rv)) {
            return finish();
        }
        // The kind once, then the record's own fields: m.term() and m.from() here were calls through the interface.
        MessageType kind = MessageFields.kind(m);
        long term = MessageFields.term(m, kind);
        int from = MessageFields.from(m, kind);
        if (term > state.currentTerm && movesTerm(m, kind)) {
            leaderId = 0;
            stepDown(term, from, "saw term " + term + " from n" + from);
        }
        int member = role == Role.LEADER && term == state.currentTerm ? members.indexOf(from) : -1;
        if (member >= 0) {
            heardFrom[member] = true; // for CheckQuorum: this voter is still in touch
            if (kind == MessageType.APPEND_ENTRIES_REPLY) {
                // it still followed us when this read round reached it
                reads.acknowledged(from, ((AppendEntriesReply) m).read());
            }
        }
        // A switch expression, so that a new message type is a compile error here until it is handled.
        Effects handled = switch (kind) {
            case APPEND_ENTRIES -> onAppendEntries((AppendEntries) m);
            case APPEND_ENTRIES_REPLY -> onAppendEntriesReply((AppendEntriesReply) m);
            case REQUEST_VOTE -> onRequestVote((RequestVote) m);
            case REQUEST_VOTE_REPLY -> onRequestVoteReply((RequestVoteReply) m);
            case PRE_VOTE -> onPreVote((PreVote) m);
            case PRE_VOTE_REPLY -> onPreVoteReply((PreVoteReply) m);
            case TIMEOUT_NOW -> onTimeoutNow((TimeoutNow) m);
            case INSTALL_SNAPSHOT -> onInstallSnapshot((InstallSnapshot) m);
            case INSTALL_SNAPSHOT_REPLY -> onInstallSnapshotReply((InstallSnapshotReply) m);
            case CLIENT_REQUEST, CLIENT_RESPONSE -> out; // the host hands client requests to propose(), never here
            case READ_INDEX -> readRound(reads.onReadIndex((ReadIndex) m, readView(), out));
            case READ_INDEX_REPLY -> {
                reads.onReadIndexReply((ReadIndexReply) m, readView(), out);
                yield out;
            }
        };
        assert handled == out;
        return finish();
    }

    /**
     * The lab says the writes up to one that left the log ending at ({@code index}, {@code term}) are durable. If the
     * log still ends that prefix the same way, that prefix is durable; a leader now counts its own copy of it toward
     * a majority, and may commit.
     */
    @Override
    public Effects persisted(long index, long term) {
        begin(false); // the write may be the one that applied entries: compact in a later step
        // A write that ended below our snapshot proves nothing about the snapshot's own write; wait for that one.
        if (index >= state.log.snapshotIndex() && index <= state.log.lastIndex() && state.log.termAt(index) == term) {
            durableIndex = index;
            if (role == Role.LEADER) {
                self().acknowledged(durableIndex);
                maybeAdvanceCommit();
            }
        }
        return finish();
    }

    // ---------------------------------------------------------------------------------------------- timers

    /**
     * The election timer fired (or the user fired it): start an election (with PreVote, ask first) unless we lead. A
     * leader arms this timer only for CheckQuorum or a leadership transfer: see {@link #leaderTimeout}.
     */
    private Effects electionTimeout() {
        if (role == Role.LEADER) {
            leaderTimeout();
        } else if (!config.isVoter(id)) {
            if (removedUndecided()) {
                // Section 4.1: a server not in its own latest configuration still starts elections while that
                // configuration may not be committed, as it may hold the only copies of it (a joint change whose
                // C_new reached only the servers it removes: the old voters' majority refuses everyone else as less
                // up to date). It asks first, whatever the settings, so that it disrupts no one it cannot lead.
                startPreVote("election timeout; removed by an entry not known to be committed");
            }
            return out; // a learner, or removed for good: it never stands (its timer rests until it is a voter)
        } else if (settings.preVote()) {
            startPreVote("election timeout");
        } else {
            startElection("election timeout", false);
        }
        return out;
    }

    /** The leader's election timeout ran out: a transfer that did not happen is abandoned; CheckQuorum checks. */
    private void leaderTimeout() {
        if (transferTo != 0) {
            endTransfer(0, "no new leader within an election timeout; proposals are accepted again");
        }
        if (!settings.checkQuorum()) {
            return;
        }
        heardFrom[members.indexOf(id)] = true;
        if (!config.hasMajority(v -> heardFrom[members.indexOf(v)])) {
            int heard = 0;
            int[] voting = config.allVoters();
            for (int v : voting) {
                heard += heardFrom[members.indexOf(v)] ? 1 : 0;
            }
            stepDown(state.currentTerm, 0, "check quorum: heard from " + heard + " of " + voting.length
                    + " voters, itself included, in the last " + settings.electionMax() + " ms");
            return;
        }
        java.util.Arrays.fill(heardFrom, false);
        out.timer(quorumCheckArm);
    }

    /** The lease ran out: no leader heard from for the minimum election timeout. */
    private Effects leaseExpired() {
        leaseHeld = false;
        bootLease = false;
        return out;
    }

    /** A follower heard from its leader: with PreVote or CheckQuorum, it holds a lease on that leader for a while. */
    private void renewLease() {
        if (settings.preVote() || settings.checkQuorum()) {
            leaseHeld = true;
            out.timer(leaseArm);
        }
    }

    /** Whether this node believes a leader is alive: it leads, or heard from its leader within the lease. */
    private boolean inLease() {
        return role == Role.LEADER || (leaseHeld && (leaderId != 0 || bootLease));
    }

    /** The heartbeat timer fired: a leader sends AppendEntries to every follower and re-arms it. */
    private Effects heartbeatTimeout() {
        if (role != Role.LEADER) {
            return out;
        }
        for (Progress p : progress) {
            p.heartbeat(); // a probe that went unanswered is sent again; a silent full window is taken as lost
        }
        sendingRound = reads.heartbeat(config);
        broadcastAppendEntries();
        sendingRound = 0;
        out.timer(heartbeatArm);
        return out;
    }

    /**
     * The end of the instant in which entries were proposed: send them to the followers that were caught up when the
     * first came. A heartbeat round in the same instant (a read's, say) may have sent some of them already and moved
     * nextIndex past flushFrom: such a follower gets the rest, as it would have without batching.
     */
    private Effects flush() {
        flushArmed = false;
        if (role != Role.LEADER) {
            return out;
        }
        long last = state.log.lastIndex();
        for (int i = 0; i < progress.length; i++) {
            Progress p = progress[i];
            if (members.idAt(i) != id && p.next() >= flushFrom && p.next() <= last && !p.paused()) {
                sendAppendEntries(i);
            }
        }
        return out;
    }

    private void resetElectionTimer() {
        long span = settings.electionMax() - settings.electionMin() + 1;
        out.timer(electionArm(random.nextInt((int) span)));
    }

    /** The request to arm the election timer electionMin + {@code drawn} ms from now: a follower asks for one often. */
    private TimerRequest electionArm(int drawn) {
        if (electionArms == null || drawn < 0 || drawn >= electionArms.length) {
            return TimerRequest.arm(TimerKind.ELECTION, settings.electionMin() + drawn);
        }
        TimerRequest t = electionArms[drawn];
        if (t == null) {
            t = TimerRequest.arm(TimerKind.ELECTION, settings.electionMin() + drawn);
            electionArms[drawn] = t;
        }
        return t;
    }

    // ---------------------------------------------------------------------------------------------- elections

    private void startElection(String why, boolean transfer) {
        state.currentTerm++;
        state.votedFor = id;
        role = Role.CANDIDATE;
        leaderId = 0;
        leaseHeld = false;
        transferElection = transfer;
        java.util.Arrays.fill(granted, false);
        java.util.Arrays.fill(refused, false);
        granted[members.indexOf(id)] = true;
        out.event(NodeEvent.role(id, Role.CANDIDATE, state.currentTerm, 0, why));
        resetElectionTimer();
        if (voteResult() == Quorum.VoteResult.WON) {
            becomeLeader();
            return;
        }
        RaftLog log = state.log;
        for (int i = 0; i < members.size(); i++) {
            int peer = members.idAt(i);
            if (peer != id && config.isVoter(peer)) {
                out.send(new RequestVote(id, peer, state.currentTerm, log.lastIndex(), log.lastTerm(),
                        transferElection));
            }
        }
    }

    private Effects onRequestVote(RequestVote rv) {
        boolean grant = false;
        String why = null;
        if (rv.term() < state.currentTerm) {
            why = "its term " + rv.term() + " is older than " + state.currentTerm;
        } else if (state.votedFor != 0 && state.votedFor != rv.from()) {
            why = "already voted for n" + state.votedFor;
        } else if (!bugs.contains(Bug.NO_UP_TO_DATE_CHECK) && !upToDate(rv.lastLogIndex(), rv.lastLogTerm())) {
            why = "our log is more up to date: last " + state.log.lastIndex() + "/" + state.log.lastTerm()
                    + " vs its " + rv.lastLogIndex() + "/" + rv.lastLogTerm();
        } else {
            grant = true;
        }
        if (grant) {
            boolean repeat = state.votedFor == rv.from();
            state.votedFor = rv.from();
            resetElectionTimer();
            if (!repeat) {
                out.event(NodeEvent.vote(id, role, state.currentTerm, rv.from(), true, null));
            }
        } else if (rv.term() >= state.currentTerm) {
            // Refusals of stale-term requests are noise; refusals in the current term teach something.
            out.event(NodeEvent.vote(id, role, state.currentTerm, rv.from(), false, why));
        }
        out.send(new RequestVoteReply(id, rv.from(), state.currentTerm, grant));
        return out;
    }

    /** Section 5.4.1: the candidate's log ends in a later term, or the same term and at least as long. */
    private boolean upToDate(long lastLogIndex, long lastLogTerm) {
        long myTerm = state.log.lastTerm();
        if (lastLogTerm != myTerm) {
            return lastLogTerm > myTerm;
        }
        return lastLogIndex >= state.log.lastIndex();
    }

    // ---------------------------------------------------------------------------------------------- PreVote, lease

    /**
     * Whether a message may move this node's term. A PreVote never does (it only asks), nor does a promised pre-vote
     * (it carries the term asked about, not the voter's); a refused one carries the voter's real term, which counts.
     */
    private boolean movesTerm(Message m, MessageType kind) {
        return switch (kind) {
            case APPEND_ENTRIES, APPEND_ENTRIES_REPLY, REQUEST_VOTE, REQUEST_VOTE_REPLY, TIMEOUT_NOW, INSTALL_SNAPSHOT,
                    INSTALL_SNAPSHOT_REPLY, READ_INDEX, READ_INDEX_REPLY -> true;
            case PRE_VOTE -> bugs.contains(Bug.PREVOTE_BUMPS_TERM);
            case PRE_VOTE_REPLY -> !((PreVoteReply) m).voteGranted();
            case CLIENT_REQUEST, CLIENT_RESPONSE -> false; // a client's message carries no term
        };
    }

    /**
     * CheckQuorum (section 4.2.3): a node that heard from a leader within the minimum election timeout ignores a
     * RequestVote of a newer term, neither moving its term nor answering, unless a leadership transfer asked for it.
     */
    private boolean ignoredUnderLease(RequestVote rv) {
        if (!settings.checkQuorum() || rv.transfer() || rv.term() <= state.currentTerm || !inLease()) {
            return false;
        }
        if (role != Role.LEADER && bugs.contains(Bug.VOTE_DESPITE_LEADER)) {
            return false; // the bug: a follower answers as if it had not heard from a leader at all
        }
        String why = role == Role.LEADER ? "ignored: it leads term " + state.currentTerm + " (check quorum)"
                : leaderId == 0 ? "ignored: restarted less than " + settings.electionMin() + " ms ago, it may have "
                + "answered a lease round it no longer remembers (lease reads)"
                : "ignored: heard from leader n" + leaderId + " within " + settings.electionMin() + " ms (check quorum)";
        out.event(new NodeEvent(EventKind.VOTE, id, role, rv.term(), rv.from(), 0, 0, why));
        return true;
    }

    /** With PreVote: a node whose timer ran out asks whether it could win the next term before it moves to it. */
    private void startPreVote(String why) {
        role = Role.PRE_CANDIDATE;
        leaderId = 0;
        leaseHeld = false;
        java.util.Arrays.fill(granted, false);
        java.util.Arrays.fill(refused, false);
        granted[members.indexOf(id)] = true;
        long next = state.currentTerm + 1;
        out.event(new NodeEvent(EventKind.ROLE, id, Role.PRE_CANDIDATE, state.currentTerm, 0, 0, 0,
                why + "; asks for pre-votes for term " + next));
        resetElectionTimer();
        if (voteResult() == Quorum.VoteResult.WON) {
            startElection("won the pre-vote", false);
            return;
        }
        RaftLog log = state.log;
        for (int i = 0; i < members.size(); i++) {
            int peer = members.idAt(i);
            if (peer != id && config.isVoter(peer)) {
                out.send(new PreVote(id, peer, next, log.lastIndex(), log.lastTerm()));
            }
        }
    }

    /**
     * A pre-vote is promised only for a term above ours, to a log at least as up to date as ours, and only if we
     * believe no leader is alive. Promising changes nothing here: no term, no vote, no timer.
     */
    private Effects onPreVote(PreVote pv) {
        String why = null;
        if (pv.term() <= state.currentTerm) {
            why = "its term " + pv.term() + " is not above our " + state.currentTerm;
        } else if (role == Role.LEADER) {
            why = "we lead term " + state.currentTerm;
        } else if (inLease()) {
            why = "heard from leader n" + leaderId + " within " + settings.electionMin() + " ms";
        } else if (!upToDate(pv.lastLogIndex(), pv.lastLogTerm())) {
            why = "our log is more up to date: last " + state.log.lastIndex() + "/" + state.log.lastTerm()
                    + " vs its " + pv.lastLogIndex() + "/" + pv.lastLogTerm();
        }
        boolean grant = why == null;
        out.event(new NodeEvent(EventKind.VOTE, id, role, pv.term(), pv.from(), grant ? 1 : 0, 1, why));
        out.send(new PreVoteReply(id, pv.from(), grant ? pv.term() : state.currentTerm, grant));
        return out;
    }

    private Effects onPreVoteReply(PreVoteReply r) {
        int voter = members.indexOf(r.from());
        if (role != Role.PRE_CANDIDATE || voter < 0 || (r.voteGranted() && r.term() != state.currentTerm + 1)) {
            return out; // not asking, or a promise from an older round
        }
        if (r.voteGranted()) {
            granted[voter] = true;
        } else {
            refused[voter] = true;
        }
        if (voteResult() == Quorum.VoteResult.WON) {
            startElection("won the pre-vote with " + countVotes() + " of " + config.allVoters().length, false);
        }
        return out;
    }

    private Effects onRequestVoteReply(RequestVoteReply r) {
        boolean countStale = bugs.contains(Bug.NAIVE_SEED);
        int voter = members.indexOf(r.from());
        if (role != Role.CANDIDATE || (!countStale && r.term() != state.currentTerm) || voter < 0) {
            return out;
        }
        if (r.voteGranted()) {
            granted[voter] = true;
        } else {
            refused[voter] = true;
        }
        if (voteResult() == Quorum.VoteResult.WON) {
            becomeLeader();
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- transfer

    /**
     * Leadership transfer (section 3.10), asked for by the user: refuse new proposals, bring {@code target}'s log up
     * to date, then send it TimeoutNow. Abandoned if no new leader comes within an election timeout.
     */
    @Override
    public Effects transferLeadership(int target) {
        begin();
        int f = members.indexOf(target);
        if (role != Role.LEADER || target == id || f < 0 || !config.isVoter(target)) {
            return finish(); // the lab checks these first; a node asked anyway does nothing
        }
        if (transferTo != 0 && transferTo != target) {
            endTransfer(0, "replaced by a transfer to n" + target);
        }
        transferTo = target;
        timeoutNowSent = false;
        reads.transferStarted();
        long last = state.log.lastIndex();
        out.event(new NodeEvent(EventKind.TRANSFER, id, role, state.currentTerm, target, 1, 0,
                "its log matches ours up to index " + progress[f].match() + " of " + last
                        + "; new proposals are refused meanwhile"));
        out.timer(quorumCheckArm);
        if (bugs.contains(Bug.TRANSFER_TO_LAGGING_NODE) || progress[f].match() == last) {
            sendTimeoutNow();
        } else if (progress[f].next() <= last && !progress[f].paused()) {
            sendAppendEntries(f);
        }
        return finish();
    }

    private void sendTimeoutNow() {
        timeoutNowSent = true;
        int f = members.indexOf(transferTo);
        out.event(new NodeEvent(EventKind.TRANSFER, id, role, state.currentTerm, transferTo, 2, 0,
                "its log matches ours up to index " + progress[f].match() + " of " + state.log.lastIndex()));
        out.send(new TimeoutNow(id, transferTo, state.currentTerm));
    }

    /** Ends the transfer in progress: abandoned (step 0) with a reason. */
    private void endTransfer(int step, String why) {
        out.event(new NodeEvent(EventKind.TRANSFER, id, role, state.currentTerm, transferTo, step, 0, why));
        transferTo = 0;
    }

    /** The leader asks us to take over: start an election at once, no pre-vote, no waiting for a timer. */
    private Effects onTimeoutNow(TimeoutNow t) {
        if (t.term() < state.currentTerm || role == Role.LEADER || !config.isVoter(id)) {
            return out;
        }
        startElection("TimeoutNow from n" + t.from() + ": leadership transfer", true);
        return out;
    }

    private Quorum.VoteResult voteResult() {
        return Membership.counted(config, bugs).voteResult(v -> granted[members.indexOf(v)],
                v -> refused[members.indexOf(v)]);
    }

    private int countVotes() {
        int n = 0;
        for (boolean g : granted) {
            n += g ? 1 : 0;
        }
        return n;
    }

    private void becomeLeader() {
        role = Role.LEADER;
        leaderId = id;
        transferTo = 0;
        out.timer(TimerRequest.cancel(TimerKind.ELECTION));
        if (settings.checkQuorum()) {
            java.util.Arrays.fill(heardFrom, false);
            out.timer(quorumCheckArm); // the first quorum check
        }
        out.event(NodeEvent.role(id, Role.LEADER, state.currentTerm, countVotes(), null));
        progress = new Progress[members.size()];
        for (int i = 0; i < progress.length; i++) {
            progress[i] = new Progress(state.log.lastIndex() + 1, settings.maxInflight());
        }
        if (settings.noop()) {
            appendOwn(Command.NOOP);
        }
        self().acknowledged(durableIndex); // the rest, the no-op included, once persisted() says it is durable
        sendingRound = reads.becameLeader(state.currentTerm);
        broadcastAppendEntries();
        sendingRound = 0;
        out.timer(heartbeatArm);
        maybeAdvanceCommit();
    }

    /** Any message with a newer term turns us into a follower of that term first (Figure 2, all servers). */
    private void stepDown(long term, int cause, String why) {
        boolean changed = role != Role.FOLLOWER || term != state.currentTerm;
        if (term > state.currentTerm) {
            state.currentTerm = term;
            state.votedFor = 0;
        }
        if (role == Role.LEADER) {
            if (transferTo != 0 && cause != transferTo) {
                endTransfer(0, "stepped down: " + why); // the target's own election ends it without a word
            }
            transferTo = 0;
            if (settings.checkQuorum()) {
                answerPendingUnknown(why);
            }
            progress = null;
            out.timer(TimerRequest.cancel(TimerKind.HEARTBEAT));
            // A leader cancelled its election timer, so it needs one again. A candidate keeps the timeout it drew
            // when it started its election: Figure 2 resets the timer only on AppendEntries from the current
            // leader, a granted vote, or a new election (re-arming here let a disruptive node delay elections).
            resetElectionTimer();
        }
        role = Role.FOLLOWER;
        if (changed) {
            out.event(NodeEvent.follower(id, state.currentTerm, cause, why));
        }
    }

    // ---------------------------------------------------------------------------------------------- messages

    private Effects onAppendEntries(AppendEntries ae) {
        if (ae.term() < state.currentTerm) {
            out.send(AppendEntriesReply.staleTerm(id, ae.from(), state.currentTerm).withRead(ae.read()));
            return out;
        }
        // Same term: ae.from() is the one leader of this term. A candidate of this term gives up.
        if (role != Role.FOLLOWER) {
            stepDown(ae.term(), ae.from(), "n" + ae.from() + " leads term " + ae.term());
        }
        leaderId = ae.from();
        resetElectionTimer();
        renewLease();

        RaftLog log = state.log;
        boolean naive = bugs.contains(Bug.NAIVE_SEED);
        if (naive) {
            // The article's sketch: append whatever arrives to the end, no consistency check at all.
            for (Entry e : ae.entries()) {
                log.append(e);
                appended(e, log.lastIndex());
            }
            long match = Math.min(ae.prevLogIndex() + ae.entries().size(), log.lastIndex());
            advanceFollowerCommit(ae.leaderCommit(), match);
            out.send(AppendEntriesReply.ok(id, ae.from(), state.currentTerm, match).withRead(ae.read()));
            return out;
        }
        if (ae.prevLogIndex() > log.lastIndex()) {
            out.send(AppendEntriesReply.mismatch(id, ae.from(), state.currentTerm, ae.prevLogIndex(), 0,
                    log.lastIndex() + 1).withRead(ae.read()));
            return out;
        }
        long prev = ae.prevLogIndex();
        List<Entry> entries = ae.entries();
        if (prev < log.snapshotIndex()) {
            // Our snapshot covers the start: those entries are committed, so they are the leader's too. Skip them.
            long covered = log.snapshotIndex() - prev;
            if (covered >= entries.size()) {
                advanceFollowerCommit(ae.leaderCommit(), log.snapshotIndex());
                out.send(AppendEntriesReply.ok(id, ae.from(), state.currentTerm, log.snapshotIndex())
                        .withRead(ae.read()));
                return out;
            }
            entries = entries.subList((int) covered, entries.size());
            prev = log.snapshotIndex();
        } else if (log.termAt(prev) != ae.prevLogTerm()) {
            long conflictTerm = log.termAt(prev);
            long first = log.firstIndexOfTerm(conflictTerm, prev);
            out.send(AppendEntriesReply.mismatch(id, ae.from(), state.currentTerm, prev, conflictTerm, first)
                    .withRead(ae.read()));
            return out;
        }
        long index = prev;
        if (bugs.contains(Bug.TRUNCATE_ON_STALE_APPEND) && index < log.lastIndex()) {
            truncate(index + 1, "bug truncate-on-stale-append");
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            index++;
            if (index <= log.lastIndex()) {
                if (log.termAt(index) == e.term()) {
                    continue; // already have it: a stale or duplicated message must not remove anything
                }
                truncate(index, "conflict with n" + ae.from() + "'s entry of term " + e.term());
            }
            log.append(e);
            appended(e, index);
        }
        long lastNew = prev + entries.size();
        advanceFollowerCommit(ae.leaderCommit(), lastNew);
        if (bugs.contains(Bug.EARLY_APPLY)) {
            applyUpTo(log.lastIndex());
        }
        out.send(AppendEntriesReply.ok(id, ae.from(), state.currentTerm, lastNew).withRead(ae.read()));
        return out;
    }

    private void truncate(long from, String why) {
        long removed = state.log.lastIndex() - from + 1;
        if (removed <= 0) {
            return;
        }
        state.log.truncateFrom(from);
        durableIndex = Math.min(durableIndex, from - 1);
        if (configIndex >= from) {
            refreshConfig(); // the configuration entry is gone: the one before it is in force again
        }
        out.event(NodeEvent.truncate(id, role, state.currentTerm, from, removed, why));
    }

    private void advanceFollowerCommit(long leaderCommit, long lastNew) {
        long target = Math.min(leaderCommit, lastNew);
        if (target > commitIndex) {
            setCommitIndex(target);
        }
    }

    private Effects onAppendEntriesReply(AppendEntriesReply r) {
        int f = members.indexOf(r.from());
        if (role != Role.LEADER || r.term() != state.currentTerm || f < 0) {
            return out; // replies from older terms are ignored
        }
        Progress p = progress[f];
        if (r.success()) {
            p.acknowledged(r.matchIndex());
            if (r.from() == transferTo && !timeoutNowSent && p.match() == state.log.lastIndex()) {
                sendTimeoutNow(); // caught up: the target may start its election
            }
            maybeAdvanceCommit();
            if (settings.maxInflight() == 0) {
                if (p.next() <= state.log.lastIndex() && r.matchIndex() >= p.next() - 1) {
                    sendAppendEntries(f); // more to send and the follower is caught up to what we sent
                }
            } else {
                while (!p.paused() && p.next() <= state.log.lastIndex()) {
                    sendAppendEntries(f); // fill the window again
                }
            }
            return out;
        }
        if (bugs.contains(Bug.NO_APPEND_RETRY)) {
            return out; // the bug: what was sent is assumed delivered, whatever the follower says
        }
        long hint;
        if (settings.backoff() == Backoff.ONE) {
            hint = r.rejectedIndex(); // Figure 2: nextIndex minus one
        } else if (r.conflictTerm() == 0) {
            hint = r.conflictIndex();
        } else {
            long last = state.log.lastIndexOfTerm(r.conflictTerm());
            hint = last > 0 ? last + 1 : r.conflictIndex();
        }
        if (p.refused(r.rejectedIndex(), hint)) {
            sendAppendEntries(f); // a probe from the hint
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- replication

    private void broadcastAppendEntries() {
        for (int i = 0; i < progress.length; i++) {
            if (members.idAt(i) != id) {
                sendAppendEntries(i);
            }
        }
    }

    /**
     * The leader's own entry in the progress table. It acknowledges only what its disk holds durably ({@link
     * #persisted}), not what it has appended: the dissertation's section 10.2.1. The lab sends this node's
     * AppendEntries only after its write is durable, so with two or more voters a follower's acknowledgement comes
     * after the leader's copy is durable anyway; but a one-node cluster would otherwise commit (and apply) an entry a
     * power loss can still take away, and so would any leader whose AppendEntries leave before its write (as with
     * the bug ack-before-persist, or a host that writes and sends in parallel).
     */
    private Progress self() {
        return progress[members.indexOf(id)];
    }

    /**
     * Sends the follower at position {@code f} the entries from its nextIndex (at most maxBatch). In replicate it
     * then assumes they arrive (nextIndex moves past them; a loss shows as a refusal of a later message); in probe it
     * waits for the answer or the next heartbeat.
     */
    private void sendAppendEntries(int f) {
        RaftLog log = state.log;
        Progress p = progress[f];
        if (p.next() <= log.snapshotIndex()) {
            sendSnapshot(f); // the entries it needs next are compacted away
            return;
        }
        if (p.state() == ProgressState.REPLICATE && p.paused()) {
            // A full window: a heartbeat that claims only what the follower is known to hold.
            long prev = Math.max(p.match(), log.snapshotIndex());
            out.send(new AppendEntries(id, members.idAt(f), state.currentTerm, prev, log.termAt(prev), EntryList.EMPTY,
                    commitIndex, sendingRound));
            return;
        }
        long prev = p.next() - 1;
        long last = Math.min(log.lastIndex(), prev + settings.maxBatch());
        List<Entry> entries = log.slice(prev + 1, last);
        out.send(new AppendEntries(id, members.idAt(f), state.currentTerm, prev, log.termAt(prev), entries, commitIndex,
                sendingRound));
        p.sent(last, !entries.isEmpty());
    }

    // ---------------------------------------------------------------------------------------------- snapshots

    /**
     * Sends the follower at position {@code f} our snapshot, as InstallSnapshot chunks of at most snapshotChunk bytes,
     * all at once, from the first byte it has not reported holding (a heartbeat sends the rest again).
     */
    private void sendSnapshot(int f) {
        RaftLog log = state.log;
        Progress p = progress[f];
        p.sendingSnapshot(log.snapshotIndex());
        byte[] data = snapshotData();
        int chunk = Math.max(1, settings.snapshotChunk());
        int offset = Math.min(p.snapshotReceived(), data.length);
        do {
            int end = Math.min(data.length, offset + chunk);
            out.send(new InstallSnapshot(id, members.idAt(f), state.currentTerm, id, log.snapshotIndex(),
                    log.snapshotTerm(), offset, java.util.Arrays.copyOfRange(data, offset, end), end == data.length));
            offset = end;
        } while (offset < data.length);
    }

    private byte[] snapshotData() {
        if (snapshotDataIndex != state.snapshot.index()) {
            snapshotData = SnapshotCodec.encode(state.snapshot);
            snapshotDataIndex = state.snapshot.index();
        }
        return snapshotData;
    }

    /**
     * Replaces the applied part of the log with a snapshot of the state machine (section 7). Only applied entries: the
     * image must be the state after exactly the entries it replaces, and only committed entries may be applied.
     */
    private void takeSnapshot() {
        RaftLog log = state.log;
        long upTo = Math.min(lastApplied, log.lastIndex());
        if (bugs.contains(Bug.SNAPSHOT_UNCOMMITTED)) {
            upTo = log.lastIndex(); // the bug: everything we hold, committed or not, goes into the image
            applyUpTo(upTo);
        }
        if (upTo <= log.snapshotIndex()) {
            return;
        }
        long term = bugs.contains(Bug.SNAPSHOT_WRONG_TERM) ? state.currentTerm : log.termAt(upTo);
        Configuration asOf = configIndex <= upTo ? config
                : Membership.latest(log, upTo, state.snapshot, bootVoters).config();
        Snapshot s = new Snapshot(upTo, term, kv.snapshot(), asOf, kv.sessions());
        log.compactTo(upTo, term);
        state.snapshot = s;
        snapshotToPersist = s;
        out.event(new NodeEvent(EventKind.SNAPSHOT, id, role, state.currentTerm, 0, upTo, term, null));
    }

    /** The user asks for a snapshot now. */
    @Override
    public Effects compact() {
        begin();
        takeSnapshot();
        return finish();
    }

    /**
     * Figure 13, receiver: collect the chunks of the newest snapshot offered; once all its bytes are here, install it.
     * A snapshot we already cover (ours reaches as far, or we committed that far) is answered as installed at once.
     */
    private Effects onInstallSnapshot(InstallSnapshot is) {
        long index = is.lastIncludedIndex();
        if (is.term() < state.currentTerm) {
            out.send(new InstallSnapshotReply(id, is.from(), state.currentTerm, index, false, 0));
            return out;
        }
        if (role != Role.FOLLOWER) {
            stepDown(is.term(), is.from(), "n" + is.from() + " leads term " + is.term());
        }
        leaderId = is.from();
        resetElectionTimer();
        renewLease(); // a snapshot from the leader is news of it, as an AppendEntries is
        boolean discardsSuffix = bugs.contains(Bug.INSTALL_DISCARDS_SUFFIX);
        if (index <= state.log.snapshotIndex() || (index <= commitIndex && !discardsSuffix)) {
            out.send(new InstallSnapshotReply(id, is.from(), state.currentTerm, index, true, 0));
            return out;
        }
        if (incomingChunks == null || index > incomingIndex) {
            incomingChunks = new TreeMap<>(); // Figure 13: a new snapshot; chunks of an older one are let go
            incomingIndex = index;
            incomingTerm = is.lastIncludedTerm();
            incomingSize = -1;
        } else if (index < incomingIndex) {
            out.send(new InstallSnapshotReply(id, is.from(), state.currentTerm, index, false, 0));
            return out;
        }
        incomingChunks.put(is.offset(), is.data());
        if (is.done()) {
            incomingSize = is.offset() + is.data().length;
        }
        int received = contiguousBytes();
        if (received != incomingSize) {
            out.send(new InstallSnapshotReply(id, is.from(), state.currentTerm, index, false, received));
            return out;
        }
        byte[] data = new byte[incomingSize];
        for (var c : incomingChunks.entrySet()) {
            System.arraycopy(c.getValue(), 0, data, c.getKey(), c.getValue().length);
        }
        incomingChunks = null;
        installSnapshot(SnapshotCodec.decode(incomingIndex, incomingTerm, data), is.from(), discardsSuffix);
        out.send(new InstallSnapshotReply(id, is.from(), state.currentTerm, index, true, 0));
        return out;
    }

    /** How many bytes from offset 0 the chunks received so far cover without a gap. */
    private int contiguousBytes() {
        int have = 0;
        for (var c : incomingChunks.entrySet()) {
            if (c.getKey() > have) {
                break;
            }
            have = Math.max(have, c.getKey() + c.getValue().length);
        }
        return have;
    }

    /**
     * Figure 13, steps 6 to 8: if our log holds the snapshot's last entry, keep what follows it; otherwise discard the
     * whole log. The state machine starts again from the image (unless it had applied further already).
     */
    private void installSnapshot(Snapshot s, int leader, boolean discardsSuffix) {
        RaftLog log = state.log;
        boolean keep = log.matches(s.index(), s.term()) && !discardsSuffix;
        String why;
        if (keep) {
            why = "keeps the " + (log.lastIndex() - s.index()) + " entries after it";
            log.compactTo(s.index(), s.term());
        } else {
            long dropped = Math.max(0, log.lastIndex() - log.snapshotIndex());
            why = dropped == 0 ? "its log was empty"
                    : "discards its log of " + dropped + " entr" + (dropped == 1 ? "y" : "ies");
            log.resetTo(s.index(), s.term());
        }
        state.snapshot = s;
        snapshotToPersist = s;
        refreshConfig();
        if (s.index() > lastApplied) {
            kv.restore(s.image(), s.sessions());
            lastApplied = s.index();
        }
        if (s.index() > commitIndex) {
            commitIndex = s.index();
        }
        out.event(new NodeEvent(EventKind.SNAPSHOT, id, role, state.currentTerm, leader, s.index(), s.term(), why));
    }

    /** Figure 13, leader: the follower holds the snapshot (replicate from there) or tells how much arrived. */
    private Effects onInstallSnapshotReply(InstallSnapshotReply r) {
        int f = members.indexOf(r.from());
        if (role != Role.LEADER || r.term() != state.currentTerm || f < 0) {
            return out;
        }
        Progress p = progress[f];
        if (p.snapshotAnswered(r.lastIncludedIndex(), r.installed(), r.received())) {
            maybeAdvanceCommit();
            if (p.next() <= state.log.lastIndex()) {
                sendAppendEntries(f);
            }
        }
        return out;
    }

    /**
     * Figure 2: commit the highest N stored on a majority, if log[N] is of the current term. Terms never decrease
     * along a log, so if the majority's index holds an older term, no index below it holds the current one.
     */
    private void maybeAdvanceCommit() {
        long n;
        if (!config.joint() && members.size() == config.voters().size()) {
            // Every member votes (the usual case): count in place, allocating nothing on a leader's hot path.
            int past = 0;
            for (int i = 0; i < progress.length; i++) {
                long match = progress[i].match();
                matchScratch[i] = match;
                past += match > commitIndex ? 1 : 0;
            }
            if (past < members.majority()) {
                return; // no majority holds anything past commitIndex (most acknowledgements): nothing to sort
            }
            n = members.committedIndexInPlace(matchScratch);
        } else {
            n = Membership.counted(config, bugs).committedIndex(v -> progress[members.indexOf(v)].match());
        }
        if (n > commitIndex && n >= state.log.snapshotIndex()
                && (state.log.termAt(n) == state.currentTerm || bugs.contains(Bug.COMMIT_OLD_TERM))) {
            setCommitIndex(n);
        }
    }

    private void setCommitIndex(long index) {
        commitIndex = index;
        out.commitEvent(id, role, state.currentTerm, index); // made only if someone reads it
        applyUpTo(commitIndex);
    }

    private void applyUpTo(long index) {
        if (index <= lastApplied) {
            return;
        }
        long first = lastApplied + 1;
        while (lastApplied < index) {
            lastApplied++;
            Entry e = state.log.get(lastApplied);
            String result = kv.apply(e.command());
            PendingReplies.Waiting waiting = pending.isEmpty() ? null : pending.remove(lastApplied);
            if (waiting != null) {
                for (int w = 0; w < waiting.count(); w++) {
                    long req = waiting.get(w);
                    // The committed entry at the index decides: the request's own entry took effect, any other means
                    // the request did not. (Replies go out after the batch's events, the apply below included: the
                    // lab reports events first, so clients are answered only after the apply is visible.)
                    if (e.command().requestId() == req) {
                        out.reply(ClientReply.ok(req, lastApplied, result));
                    } else {
                        out.reply(ClientReply.failed(req, lastApplied,
                                "index " + lastApplied + " holds another entry, of term " + e.term()));
                    }
                }
            }
        }
        out.applyEvent(id, role, state.currentTerm, first, lastApplied); // made only if someone reads it
    }

    // ---------------------------------------------------------------------------------------------- clients

    /**
     * A client asks this node to run {@code c}. A leader appends it and answers ACCEPTED now, and OK or FAILED once
     * the index is committed and applied: OK if the entry there is this request's, FAILED if it is another. Until
     * then the outcome is pending, whatever happens to this node's log; if the node crashes, the lab reports it
     * unknown. Anyone else answers REDIRECT with the leader it knows of.
     */
    @Override
    public Effects propose(Command c) {
        begin();
        if (reads.handles(c)) {
            readRound(reads.propose(c, readView(), out)); // no log entry: see Reads
            return finish();
        }
        if (role != Role.LEADER) {
            // A node out of the configuration hears from no leader any more: the one it knew may be long gone.
            out.reply(ClientReply.redirect(c.requestId(), config.contains(id) ? leaderId : 0,
                    "n" + id + " is a " + role.label()));
            return finish();
        }
        if (transferTo != 0) {
            out.reply(new ClientReply(c.requestId(), ClientReply.Status.REDIRECT, 0, null, transferTo,
                    "n" + id + " is transferring leadership to n" + transferTo));
            return finish();
        }
        long index = appendOwn(c);
        // An earlier request of ours may wait at this index (a later leader cut its entry off our log): it keeps
        // waiting, since the entry may survive on another node and be committed after all.
        pending.add(index, c.requestId());
        out.reply(ClientReply.accepted(c.requestId(), index, id));
        // Our own copy counts once persisted() says it is durable.
        if (bugs.contains(Bug.EARLY_APPLY)) {
            applyUpTo(index);
        }
        if (settings.batch()) {
            if (!flushArmed) {
                flushArmed = true;
                flushFrom = index;
                out.timer(flushArm);
            }
            return finish(); // sent when the instant ends; nothing to commit yet either
        }
        for (int i = 0; i < progress.length; i++) {
            Progress p = progress[i];
            if (members.idAt(i) != id && p.next() == index && !p.paused()) {
                sendAppendEntries(i); // followers that are caught up get it at once; others on their next round
            }
        }
        return finish(); // nothing to commit yet: our own copy is not durable
    }

    /**
     * With CheckQuorum, a leader that steps down tells every client still waiting on it to go elsewhere. Nothing above
     * the commit index is decided yet (committed entries were answered when applied), so the outcome is unknown: the
     * entry may still be committed by a later leader (issue 8's rule: FAILED only when another entry is committed at
     * the index, and no one knows that here). Without CheckQuorum requests keep waiting, as before.
     */
    private void answerPendingUnknown(String why) {
        pending.forEach((index, req) -> out.reply(new ClientReply(req, ClientReply.Status.UNKNOWN, index, null, 0,
                "n" + id + " stepped down (" + why + ") before index " + index + " was decided")));
        pending.clear();
    }

    private long appendOwn(Command c) {
        Entry e = new Entry(state.currentTerm, c);
        state.log.append(e);
        appended(e, state.log.lastIndex());
        return state.log.lastIndex();
    }

    // ---------------------------------------------------------------------------------------------- membership

    /**
     * The user asks this node, which the lab has checked leads, to change the configuration to {@code target}: one
     * voter more or less directly, anything else through joint consensus (see {@link Membership}). Refused, with an
     * event saying why, while the rules forbid it.
     */
    @Override
    public Effects changeMembership(Configuration target) {
        begin();
        String refusal = role != Role.LEADER ? "n" + id + " is a " + role.label()
                : transferTo != 0 ? "it is transferring leadership to n" + transferTo
                : Membership.refusal(config, configIndex, commitIndex, commitIndex >= state.log.snapshotIndex()
                        && state.log.termAt(commitIndex) == state.currentTerm, target, bugs, this::matchIndex);
        if (refusal != null) {
            out.event(new NodeEvent(EventKind.CONFIG, id, role, state.currentTerm, 0, 0, 0, refusal));
            return finish();
        }
        Configuration first = Membership.firstStep(config, target);
        appendConfig(first, first.joint() ? "joint consensus: both majorities decide until " + target.format()
                + " follows" : null);
        return finish();
    }

    /** Appends a configuration entry, in force here at once, and sends it to every follower that is caught up. */
    private void appendConfig(Configuration next, String why) {
        long index = appendOwn(Command.config(next));
        out.event(new NodeEvent(EventKind.CONFIG, id, role, state.currentTerm, 0, index, 0,
                next.format() + (why == null ? "" : "; " + why)));
        for (int i = 0; i < progress.length; i++) {
            Progress p = progress[i];
            if (members.idAt(i) != id && p.next() == index && !p.paused()) {
                sendAppendEntries(i);
            }
        }
    }

    /**
     * A leader whose configuration entry is committed: a joint one is followed by C_new (section 4.3); one in which
     * this node no longer votes means it leads a cluster it is not part of, and it steps down (section 4.2.2).
     */
    private void configCommitted() {
        if (config.joint() && transferTo == 0) { // a transfer freezes the log; the next leader appends C_new
            appendConfig(Membership.leaving(config), "the joint configuration is committed");
        } else if (!config.isVoter(id)) {
            String why = "removed from the configuration: " + config.format() + " is committed";
            // No leader will send this node entries again, so requests waiting on it would wait forever: their
            // outcome is unknown (a later leader may still commit them). Nor is it anyone's follower now.
            answerPendingUnknown(why);
            dropLeft(); // tells the others it removed, which hold the entry, that it is committed
            stepDown(state.currentTerm, 0, why);
            leaderId = 0;
        }
    }

    /** An entry was appended at {@code index}: a configuration entry is in force from now on. */
    private void appended(Entry e, long index) {
        if (e.command().kind() == CommandKind.CONFIG) {
            useConfig(Configuration.parse(e.command().value()), index);
        }
    }

    /** The log was cut back or replaced: the configuration in force is the last one left in it. */
    private void refreshConfig() {
        Membership.Found f = Membership.latest(state.log, state.log.lastIndex(), state.snapshot, bootVoters);
        useConfig(f.config(), f.index());
    }

    /**
     * Makes {@code next} the configuration in force. Per-peer state is kept for the nodes that stay; a leader starts
     * a progress for a node that joins and probes it at once (a new node's empty log sends it back to the start, or
     * to the snapshot).
     */
    private void useConfig(Configuration next, long index) {
        config = next;
        configIndex = index;
        Quorum now = Membership.members(next, id);
        configMembers = now.size();
        if (progress != null) {
            now = Membership.union(now, members); // a leader keeps replicating to those left out, for now
        }
        remap(now);
    }

    /**
     * A leader stops replicating to a node left out of the configuration once it holds the entry that did it and that
     * entry is committed, with a last AppendEntries that tells it so: a removed node that knows its removal is
     * committed never stands for election again ({@link #removedUndecided}).
     */
    private void dropLeft() {
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            int peer = members.idAt(i);
            if (peer == id || config.contains(peer) || progress[i].match() < configIndex || commitIndex < configIndex) {
                keep.add(peer);
            } else {
                sendAppendEntries(i);
            }
        }
        if (keep.size() < members.size()) {
            remap(Quorum.of(keep));
        }
    }

    /**
     * Whether this node, which does not vote in its latest configuration, may still be needed to lead: it voted in
     * the configuration before, and does not know the entry that removed it to be committed.
     */
    private boolean removedUndecided() {
        if (configIndex <= commitIndex || configIndex == 0) {
            return false;
        }
        return Membership.latest(state.log, configIndex - 1, state.snapshot, bootVoters).config().isVoter(id);
    }

    /** Makes {@code now} the members, keeping the per-peer state of those that stay. */
    private void remap(Quorum now) {
        if (java.util.Arrays.equals(now.ids(), members.ids())) {
            return;
        }
        Quorum before = members;
        boolean[] g = new boolean[now.size()];
        boolean[] r = new boolean[now.size()];
        boolean[] h = new boolean[now.size()];
        Progress[] p = progress == null ? null : new Progress[now.size()];
        for (int i = 0; i < now.size(); i++) {
            int old = before.indexOf(now.idAt(i));
            if (old >= 0) {
                g[i] = granted[old];
                r[i] = refused[old];
                h[i] = heardFrom[old];
                if (p != null) {
                    p[i] = progress[old];
                }
            } else if (p != null) {
                p[i] = new Progress(state.log.lastIndex() + 1, settings.maxInflight());
            }
        }
        members = now;
        granted = g;
        refused = r;
        heardFrom = h;
        matchScratch = new long[now.size()];
        progress = p;
        if (p != null) {
            for (int i = 0; i < now.size(); i++) {
                if (before.indexOf(now.idAt(i)) < 0) {
                    sendAppendEntries(i);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** Sends a read round to every follower: the AppendEntries each would get next, numbered {@code round}. */
    private Effects readRound(long round) {
        if (round > 0) {
            if (state.log.lastTerm() != state.currentTerm) {
                // Section 6.4: the read index must wait for an entry of this term to be committed. With --noop on there
                // is one already; without, the read makes one, or a cluster with no writes would never answer it.
                appendOwn(Command.NOOP);
            }
            sendingRound = round;
            broadcastAppendEntries();
            sendingRound = 0;
        }
        return out;
    }

    private Reads.View readView() {
        long term = state.currentTerm;
        RaftLog log = state.log;
        // (With a bug a log can be cut below commitIndex: then nothing there is known to be of this term.)
        boolean committedInTerm = commitIndex > 0 && commitIndex >= log.snapshotIndex()
                && commitIndex <= log.lastIndex() && log.termAt(commitIndex) == term;
        // A node out of its own configuration hears from no leader any more (as for proposals): it names none, so that
        // a client does not bounce between it and a removed leader.
        int leader = config.contains(id) ? leaderId : 0;
        return new Reads.View(role, term, leader, commitIndex, committedInTerm, lastApplied, config);
    }

    // ---------------------------------------------------------------------------------------------- queries

    @Override
    public int id() {
        return id;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public long currentTerm() {
        return state.currentTerm;
    }

    @Override
    public int votedFor() {
        return state.votedFor;
    }

    @Override
    public int leaderId() {
        return leaderId;
    }

    @Override
    public long commitIndex() {
        return commitIndex;
    }

    @Override
    public long lastApplied() {
        return lastApplied;
    }

    @Override
    public RaftLogView log() {
        return state.log;
    }

    @Override
    public StateMachine stateMachine() {
        return kv;
    }

    /** The configuration this node counts majorities over: the last one in its log. */
    @Override
    public Configuration configuration() {
        return config;
    }

    /** The leader's view of {@code peer}'s log, or null unless this node leads (or {@code peer} is not a member). */
    @Override
    public Progress progress(int peer) {
        int i = members.indexOf(peer);
        return progress == null || i < 0 ? null : progress[i];
    }

    /** Leader's nextIndex for {@code peer} (0 unless leading). */
    public long nextIndex(int peer) {
        Progress p = progress(peer);
        return p == null ? 0 : p.next();
    }

    /** Leader's matchIndex for {@code peer} (0 unless leading). */
    public long matchIndex(int peer) {
        Progress p = progress(peer);
        return p == null ? 0 : p.match();
    }
}
