package raftlab.raft;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * One Raft server, as in Figure 2 of the paper: a deterministic state machine stepped by timer firings, incoming
 * messages and client proposals. Everything it does to the world goes through its {@link NodeEnv}.
 *
 * <p>Volatile state (role, commitIndex, lastApplied, leader bookkeeping, the key-value store) lives in this object
 * and is lost on a crash; persistent state lives in {@link PersistentState} and survives it.
 */
public final class RaftNode {
    private final int id;
    /** The voters, this node included. Per-voter state below is indexed by position in it. */
    private final Quorum voters;
    private final Settings settings;
    private final Set<Bug> bugs;
    private final PersistentState disk;
    private final NodeEnv env;

    private Role role = Role.FOLLOWER;
    private int leaderId;
    private long commitIndex;
    private long lastApplied;
    private final KvStore kv = new KvStore();

    // Candidate state: who granted or refused us a vote in the current term.
    private final boolean[] granted;
    private final boolean[] refused;
    /** Leader state: one Progress per voter (Figure 2's nextIndex[] and matchIndex[]); null unless leading. */
    private Progress[] progress;
    /** Requests this node accepted as leader, by log index, awaiting their apply. */
    private final TreeMap<Long, Long> pending = new TreeMap<>();

    public RaftNode(int id, Quorum voters, Settings settings, Set<Bug> bugs, PersistentState disk, NodeEnv env) {
        this.id = id;
        this.voters = voters;
        this.settings = settings;
        this.bugs = bugs;
        this.disk = disk;
        this.env = env;
        granted = new boolean[voters.size()];
        refused = new boolean[voters.size()];
        if (bugs.contains(Bug.FORGET_VOTE)) {
            disk.votedFor = 0;
        }
    }

    /** Called once when the node boots or restarts: a follower that waits for a leader. */
    public void start() {
        resetElectionTimer();
    }

    // ---------------------------------------------------------------------------------------------- timers

    /** The election timer fired (or the user fired it): start an election unless we lead. */
    public void electionTimeout() {
        if (role == Role.LEADER) {
            return;
        }
        startElection("election timeout");
    }

    /** The heartbeat timer fired: a leader sends AppendEntries to every follower and re-arms it. */
    public void heartbeatTimeout() {
        if (role != Role.LEADER) {
            return;
        }
        for (Progress p : progress) {
            p.resume(); // a probe that went unanswered is sent again
        }
        broadcastAppendEntries();
        env.setHeartbeatTimer(settings.heartbeat());
    }

    private void resetElectionTimer() {
        long span = settings.electionMax() - settings.electionMin() + 1;
        env.setElectionTimer(settings.electionMin() + env.randomInt((int) span));
    }

    // ---------------------------------------------------------------------------------------------- elections

    private void startElection(String why) {
        disk.currentTerm++;
        disk.votedFor = id;
        role = Role.CANDIDATE;
        leaderId = 0;
        java.util.Arrays.fill(granted, false);
        java.util.Arrays.fill(refused, false);
        granted[voters.indexOf(id)] = true;
        env.event(new NodeEvent(EventKind.ROLE, id, Role.CANDIDATE, disk.currentTerm, 0, 0, 0, why));
        resetElectionTimer();
        if (voteResult() == Quorum.VoteResult.WON) {
            becomeLeader();
            return;
        }
        RaftLog log = disk.log;
        for (int i = 0; i < voters.size(); i++) {
            int peer = voters.idAt(i);
            if (peer != id) {
                env.send(new RequestVote(id, peer, disk.currentTerm, log.lastIndex(), log.lastTerm()));
            }
        }
    }

    private void onRequestVote(RequestVote rv) {
        boolean grant = false;
        String why = null;
        if (rv.term() < disk.currentTerm) {
            why = "its term " + rv.term() + " is older than " + disk.currentTerm;
        } else if (disk.votedFor != 0 && disk.votedFor != rv.from()) {
            why = "already voted for n" + disk.votedFor;
        } else if (!bugs.contains(Bug.NO_UP_TO_DATE_CHECK) && !candidateUpToDate(rv)) {
            why = "our log is more up to date: last " + disk.log.lastIndex() + "/" + disk.log.lastTerm()
                    + " vs its " + rv.lastLogIndex() + "/" + rv.lastLogTerm();
        } else {
            grant = true;
        }
        if (grant) {
            boolean repeat = disk.votedFor == rv.from();
            disk.votedFor = rv.from();
            resetElectionTimer();
            if (!repeat) {
                env.event(new NodeEvent(EventKind.VOTE, id, role, disk.currentTerm, rv.from(), 1, 0, null));
            }
        } else if (rv.term() >= disk.currentTerm) {
            // Refusals of stale-term requests are noise; refusals in the current term teach something.
            env.event(new NodeEvent(EventKind.VOTE, id, role, disk.currentTerm, rv.from(), 0, 0, why));
        }
        env.send(new RequestVoteReply(id, rv.from(), disk.currentTerm, grant));
    }

    /** Section 5.4.1: the candidate's log ends in a later term, or the same term and at least as long. */
    private boolean candidateUpToDate(RequestVote rv) {
        long myTerm = disk.log.lastTerm();
        if (rv.lastLogTerm() != myTerm) {
            return rv.lastLogTerm() > myTerm;
        }
        return rv.lastLogIndex() >= disk.log.lastIndex();
    }

    private void onRequestVoteReply(RequestVoteReply r) {
        boolean countStale = bugs.contains(Bug.NAIVE_SEED);
        int voter = voters.indexOf(r.from());
        if (role != Role.CANDIDATE || (!countStale && r.term() != disk.currentTerm) || voter < 0) {
            return;
        }
        if (r.voteGranted()) {
            granted[voter] = true;
        } else {
            refused[voter] = true;
        }
        if (voteResult() == Quorum.VoteResult.WON) {
            becomeLeader();
        }
    }

    private Quorum.VoteResult voteResult() {
        return voters.voteResult(v -> granted[voters.indexOf(v)], v -> refused[voters.indexOf(v)]);
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
        env.cancelElectionTimer();
        env.event(new NodeEvent(EventKind.ROLE, id, Role.LEADER, disk.currentTerm, 0, countVotes(), 0, null));
        progress = new Progress[voters.size()];
        for (int i = 0; i < progress.length; i++) {
            progress[i] = new Progress(disk.log.lastIndex() + 1);
        }
        if (settings.noop()) {
            appendOwn(Command.NOOP);
        }
        self().acknowledged(disk.log.lastIndex());
        broadcastAppendEntries();
        env.setHeartbeatTimer(settings.heartbeat());
        maybeAdvanceCommit();
    }

    /** Any message with a newer term turns us into a follower of that term first (Figure 2, all servers). */
    private void stepDown(long term, int cause, String why) {
        boolean changed = role != Role.FOLLOWER || term != disk.currentTerm;
        if (term > disk.currentTerm) {
            disk.currentTerm = term;
            disk.votedFor = 0;
        }
        if (role == Role.LEADER) {
            progress = null;
            env.cancelHeartbeatTimer();
            // A leader cancelled its election timer, so it needs one again. A candidate keeps the timeout it drew
            // when it started its election: Figure 2 resets the timer only on AppendEntries from the current
            // leader, a granted vote, or a new election (re-arming here let a disruptive node delay elections).
            resetElectionTimer();
        }
        role = Role.FOLLOWER;
        if (changed) {
            env.event(new NodeEvent(EventKind.ROLE, id, Role.FOLLOWER, disk.currentTerm, cause, 0, 0, why));
        }
    }

    // ---------------------------------------------------------------------------------------------- messages

    /** Handles one incoming message. */
    public void receive(Message m) {
        if (m.term() > disk.currentTerm) {
            leaderId = 0;
            stepDown(m.term(), m.from(), "saw term " + m.term() + " from n" + m.from());
        }
        Runnable handler = switch (m.kind()) {
            case APPEND_ENTRIES -> () -> onAppendEntries((AppendEntries) m);
            case APPEND_ENTRIES_REPLY -> () -> onAppendEntriesReply((AppendEntriesReply) m);
            case REQUEST_VOTE -> () -> onRequestVote((RequestVote) m);
            case REQUEST_VOTE_REPLY -> () -> onRequestVoteReply((RequestVoteReply) m);
        };
        handler.run();
    }

    private void onAppendEntries(AppendEntries ae) {
        if (ae.term() < disk.currentTerm) {
            env.send(AppendEntriesReply.staleTerm(id, ae.from(), disk.currentTerm));
            return;
        }
        // Same term: ae.from() is the one leader of this term. A candidate of this term gives up.
        if (role != Role.FOLLOWER) {
            stepDown(ae.term(), ae.from(), "n" + ae.from() + " leads term " + ae.term());
        }
        leaderId = ae.from();
        resetElectionTimer();

        RaftLog log = disk.log;
        boolean naive = bugs.contains(Bug.NAIVE_SEED);
        if (naive) {
            // The article's sketch: append whatever arrives to the end, no consistency check at all.
            for (Entry e : ae.entries()) {
                log.append(e);
            }
            long match = Math.min(ae.prevLogIndex() + ae.entries().size(), log.lastIndex());
            advanceFollowerCommit(ae.leaderCommit(), match);
            env.send(AppendEntriesReply.ok(id, ae.from(), disk.currentTerm, match));
            return;
        }
        if (ae.prevLogIndex() > log.lastIndex()) {
            env.send(AppendEntriesReply.mismatch(id, ae.from(), disk.currentTerm, ae.prevLogIndex(), 0,
                    log.lastIndex() + 1));
            return;
        }
        if (log.termAt(ae.prevLogIndex()) != ae.prevLogTerm()) {
            long conflictTerm = log.termAt(ae.prevLogIndex());
            long first = log.firstIndexOfTerm(conflictTerm, ae.prevLogIndex());
            env.send(AppendEntriesReply.mismatch(id, ae.from(), disk.currentTerm, ae.prevLogIndex(), conflictTerm,
                    first));
            return;
        }
        long index = ae.prevLogIndex();
        List<Entry> entries = ae.entries();
        if (bugs.contains(Bug.TRUNCATE_ON_STALE_APPEND) && index < log.lastIndex()) {
            truncate(index + 1, "bug truncate-on-stale-append");
        }
        for (Entry e : entries) {
            index++;
            if (index <= log.lastIndex()) {
                if (log.termAt(index) == e.term()) {
                    continue; // already have it: a stale or duplicated message must not remove anything
                }
                truncate(index, "conflict with n" + ae.from() + "'s entry of term " + e.term());
            }
            log.append(e);
        }
        long lastNew = ae.prevLogIndex() + entries.size();
        advanceFollowerCommit(ae.leaderCommit(), lastNew);
        if (bugs.contains(Bug.EARLY_APPLY)) {
            applyUpTo(log.lastIndex());
        }
        env.send(AppendEntriesReply.ok(id, ae.from(), disk.currentTerm, lastNew));
    }

    private void truncate(long from, String why) {
        long removed = disk.log.lastIndex() - from + 1;
        if (removed <= 0) {
            return;
        }
        disk.log.truncateFrom(from);
        env.event(new NodeEvent(EventKind.TRUNCATE, id, role, disk.currentTerm, 0, from, removed, why));
    }

    private void advanceFollowerCommit(long leaderCommit, long lastNew) {
        long target = Math.min(leaderCommit, lastNew);
        if (target > commitIndex) {
            setCommitIndex(target);
        }
    }

    private void onAppendEntriesReply(AppendEntriesReply r) {
        int f = voters.indexOf(r.from());
        if (role != Role.LEADER || r.term() != disk.currentTerm || f < 0) {
            return; // replies from older terms are ignored
        }
        Progress p = progress[f];
        if (r.success()) {
            p.acknowledged(r.matchIndex());
            maybeAdvanceCommit();
            if (p.next() <= disk.log.lastIndex() && r.matchIndex() >= p.next() - 1) {
                sendAppendEntries(f); // more to send and the follower is caught up to what we sent
            }
            return;
        }
        long hint;
        if (r.conflictTerm() == 0) {
            hint = r.conflictIndex();
        } else {
            long last = disk.log.lastIndexOfTerm(r.conflictTerm());
            hint = last > 0 ? last + 1 : r.conflictIndex();
        }
        if (p.refused(r.rejectedIndex(), hint)) {
            sendAppendEntries(f); // a probe from the hint
        }
    }

    // ---------------------------------------------------------------------------------------------- replication

    private void broadcastAppendEntries() {
        for (int i = 0; i < progress.length; i++) {
            if (voters.idAt(i) != id) {
                sendAppendEntries(i);
            }
        }
    }

    private Progress self() {
        return progress[voters.indexOf(id)];
    }

    /**
     * Sends the follower at position {@code f} the entries from its nextIndex (at most maxBatch). In replicate it
     * then assumes they arrive (nextIndex moves past them; a loss shows as a refusal of a later message); in probe it
     * waits for the answer or the next heartbeat.
     */
    private void sendAppendEntries(int f) {
        RaftLog log = disk.log;
        Progress p = progress[f];
        long prev = p.next() - 1;
        long last = Math.min(log.lastIndex(), prev + settings.maxBatch());
        List<Entry> entries = log.slice(prev + 1, last);
        env.send(new AppendEntries(id, voters.idAt(f), disk.currentTerm, prev, log.termAt(prev), entries, commitIndex));
        p.sent(last);
    }

    /**
     * Figure 2: commit the highest N stored on a majority, if log[N] is of the current term. Terms never decrease
     * along a log, so if the majority's index holds an older term, no index below it holds the current one.
     */
    private void maybeAdvanceCommit() {
        long n = voters.committedIndex(v -> progress[voters.indexOf(v)].match());
        if (n > commitIndex && (disk.log.termAt(n) == disk.currentTerm || bugs.contains(Bug.COMMIT_OLD_TERM))) {
            setCommitIndex(n);
        }
    }

    private void setCommitIndex(long index) {
        commitIndex = index;
        env.event(new NodeEvent(EventKind.COMMIT, id, role, disk.currentTerm, 0, index, 0, null));
        applyUpTo(commitIndex);
    }

    private void applyUpTo(long index) {
        if (index <= lastApplied) {
            return;
        }
        long first = lastApplied + 1;
        List<ClientReply> replies = null;
        while (lastApplied < index) {
            lastApplied++;
            Entry e = disk.log.get(lastApplied);
            String result = kv.apply(e.command());
            Long req = pending.isEmpty() ? null : pending.remove(lastApplied);
            if (req != null) {
                if (replies == null) {
                    replies = new java.util.ArrayList<>();
                }
                if (e.command().requestId() == req) {
                    replies.add(new ClientReply(req, ClientReply.Status.OK, lastApplied, result, 0, null));
                } else {
                    replies.add(new ClientReply(req, ClientReply.Status.FAILED, lastApplied, null, 0,
                            "index " + lastApplied + " holds another entry, of term " + e.term()));
                }
            }
        }
        env.event(new NodeEvent(EventKind.APPLY, id, role, disk.currentTerm, 0, first, lastApplied, null));
        if (replies != null) {
            replies.forEach(env::reply); // answer clients only after the apply is visible
        }
    }

    // ---------------------------------------------------------------------------------------------- clients

    /**
     * A client asks this node to run {@code c}. A leader appends it and answers ACCEPTED now and OK or FAILED once
     * the index is applied; anyone else answers REDIRECT with the leader it knows of.
     */
    public void propose(Command c) {
        if (role != Role.LEADER) {
            env.reply(new ClientReply(c.requestId(), ClientReply.Status.REDIRECT, 0, null, leaderId,
                    "n" + id + " is a " + role.label()));
            return;
        }
        long index = appendOwn(c);
        Long displaced = pending.put(index, c.requestId());
        if (displaced != null) {
            // Our earlier request here was cut off by a later leader (possible without the no-op) and this index is
            // ours again: that request failed, and with its pending slot gone it would otherwise never hear so.
            env.reply(new ClientReply(displaced, ClientReply.Status.FAILED, index, null, 0,
                    "index " + index + " was overwritten by a later leader"));
        }
        env.reply(new ClientReply(c.requestId(), ClientReply.Status.ACCEPTED, index, null, id, null));
        self().acknowledged(index);
        if (bugs.contains(Bug.EARLY_APPLY)) {
            applyUpTo(index);
        }
        for (int i = 0; i < progress.length; i++) {
            Progress p = progress[i];
            if (voters.idAt(i) != id && p.next() == index && !p.paused()) {
                sendAppendEntries(i); // followers that are caught up get it at once; others on their next round
            }
        }
        maybeAdvanceCommit();
    }

    private long appendOwn(Command c) {
        disk.log.append(new Entry(disk.currentTerm, c));
        return disk.log.lastIndex();
    }

    // ---------------------------------------------------------------------------------------------- queries

    public int id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public long currentTerm() {
        return disk.currentTerm;
    }

    public int votedFor() {
        return disk.votedFor;
    }

    public int leaderId() {
        return leaderId;
    }

    public long commitIndex() {
        return commitIndex;
    }

    public long lastApplied() {
        return lastApplied;
    }

    public RaftLog log() {
        return disk.log;
    }

    public KvStore kv() {
        return kv;
    }

    /** The voters this node counts majorities over. */
    public Quorum voters() {
        return voters;
    }

    /** The leader's view of voter {@code peer}'s log, or null unless this node leads (or {@code peer} is no voter). */
    public Progress progress(int peer) {
        int i = voters.indexOf(peer);
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
