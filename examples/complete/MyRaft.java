// A whole Raft node, as a student might write it after the walk-through: examples/elections/MyRaft.java plus log
// replication (the consistency check, backing off with the follower's conflict hint, the commit rule of Figure 2
// and 8), applying and answering clients. About 400 lines, one file, and `./lab grade` passes every test:
//
//     ./lab grade examples/complete/MyRaft.java
//
// It differs from the lab's own core on purpose in small ways (whole-state disk writes, entries resent every
// heartbeat until acknowledged, no pipelining), so the grader is shown to judge behaviour, not code.

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import raftlab.raft.AppendEntries;
import raftlab.raft.AppendEntriesReply;
import raftlab.raft.ClientReply;
import raftlab.raft.Command;
import raftlab.raft.DiskWrite;
import raftlab.raft.Effects;
import raftlab.raft.Entry;
import raftlab.raft.Message;
import raftlab.raft.NodeEvent;
import raftlab.raft.NodeSetup;
import raftlab.raft.RaftLog;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.RequestVote;
import raftlab.raft.RequestVoteReply;
import raftlab.raft.Role;
import raftlab.raft.StateMachine;
import raftlab.raft.TimerKind;
import raftlab.raft.TimerRequest;

public class MyRaft implements RaftNode {
    private final NodeSetup setup;

    // Figure 2's persistent state, as this node's working copy. Whenever a step changes one of these, it must
    // return a DiskWrite (see DiskWrite.whole) in the same Effects, or the lab stops the run.
    private long currentTerm;
    private int votedFor;
    private final RaftLog log;

    // Volatile state.
    private Role role = Role.FOLLOWER;
    private int leaderId;
    private long commitIndex;
    private long lastApplied;
    /** Candidate: who granted a vote in this term (a set, so a duplicated reply counts once). */
    private final Set<Integer> votes = new HashSet<>();
    /** Leader: the next index to send each follower, and the highest index known to match its log. */
    private final Map<Integer, Long> nextIndex = new HashMap<>();
    private final Map<Integer, Long> matchIndex = new HashMap<>();
    /** Leader: the client request waiting for each index it appended. */
    private final Map<Long, Long> waiting = new HashMap<>();
    /** The last index of this node's log known to be on its disk for good (what a power loss cannot take). */
    private long durableIndex;
    /** Most entries in one AppendEntries. */
    private static final int BATCH = 64;

    public MyRaft(NodeSetup setup) {
        this.setup = setup;
        // After a crash the lab makes a new node from what its disk held: start from it.
        this.currentTerm = setup.restored().currentTerm();
        this.votedFor = setup.restored().votedFor();
        this.log = RaftLog.copyOf(setup.restored().log());
    }

    @Override
    public Effects start() {
        return new Effects().timer(TimerRequest.arm(TimerKind.ELECTION, electionTimeout()));
    }

    @Override
    public Effects timeout(TimerKind timer) {
        Effects out = new Effects();
        switch (timer) {
            case ELECTION -> startElection(out);
            case HEARTBEAT -> heartbeat(out);
        }
        return out;
    }

    /** Figure 2, candidates: increment currentTerm, vote for self, reset the election timer, send RequestVote. */
    private void startElection(Effects out) {
        currentTerm++;
        votedFor = id();
        role = Role.CANDIDATE;
        leaderId = 0;
        votes.clear();
        votes.add(id());
        persist(out);
        out.event(NodeEvent.role(id(), Role.CANDIDATE, currentTerm, 0, "election timeout"));
        out.timer(TimerRequest.arm(TimerKind.ELECTION, electionTimeout()));
        for (int peer : setup.voters().ids()) {
            if (peer != id()) {
                out.send(new RequestVote(id(), peer, currentTerm, log.lastIndex(), log.lastTerm()));
            }
        }
        if (votes.size() >= setup.voters().majority()) {
            becomeLeader(out); // a cluster of one
        }
    }

    private void becomeLeader(Effects out) {
        role = Role.LEADER;
        leaderId = id();
        out.event(NodeEvent.role(id(), Role.LEADER, currentTerm, votes.size(), null));
        out.timer(TimerRequest.cancel(TimerKind.ELECTION));
        nextIndex.clear();
        matchIndex.clear();
        for (int peer : setup.voters().ids()) {
            nextIndex.put(peer, log.lastIndex() + 1);
            matchIndex.put(peer, 0L);
        }
        if (setup.settings().noop()) {
            // Section 8 of the paper: an entry of the new term, so that entries of older terms commit with it (Figure
            // 8 forbids counting replicas of those) even if no client writes again.
            log.append(new Entry(currentTerm, Command.NOOP));
            persist(out);
        }
        heartbeat(out);
    }

    /**
     * A leader sends every follower what it lacks from nextIndex on (nothing: a heartbeat), and does it again a
     * heartbeat later: entries are resent until the follower acknowledges them.
     */
    private void heartbeat(Effects out) {
        if (role != Role.LEADER) {
            return;
        }
        for (int peer : setup.voters().ids()) {
            if (peer != id()) {
                sendAppend(peer, out);
            }
        }
        out.timer(TimerRequest.arm(TimerKind.HEARTBEAT, setup.settings().heartbeat()));
    }

    private void sendAppend(int peer, Effects out) {
        long next = nextIndex.get(peer);
        long last = Math.min(log.lastIndex(), next + BATCH - 1);
        out.send(new AppendEntries(id(), peer, currentTerm, next - 1, log.termAt(next - 1), log.slice(next, last),
                commitIndex));
    }

    @Override
    public Effects receive(Message m) {
        Effects out = new Effects();
        // Figure 2, all servers: a higher term in any message makes this node a follower of that term.
        if (m.term() > currentTerm) {
            boolean wasLeader = role == Role.LEADER;
            currentTerm = m.term();
            votedFor = 0;
            role = Role.FOLLOWER;
            leaderId = 0;
            persist(out);
            votes.clear();
            out.event(NodeEvent.follower(id(), currentTerm, m.from(), "higher term from n" + m.from()));
            if (wasLeader) {
                out.timer(TimerRequest.cancel(TimerKind.HEARTBEAT));
                out.timer(TimerRequest.arm(TimerKind.ELECTION, electionTimeout()));
            }
        }
        switch (m.kind()) {
            case REQUEST_VOTE -> onRequestVote((RequestVote) m, out);
            case REQUEST_VOTE_REPLY -> onVote((RequestVoteReply) m, out);
            case APPEND_ENTRIES -> onAppendEntries((AppendEntries) m, out);
            case APPEND_ENTRIES_REPLY -> onAppendReply((AppendEntriesReply) m, out);
        }
        return out;
    }

    /** Figure 2, RequestVote: grant if the term is current, no other vote was given, and the log is up to date. */
    private void onRequestVote(RequestVote rv, Effects out) {
        boolean upToDate = rv.lastLogTerm() > log.lastTerm()
                || (rv.lastLogTerm() == log.lastTerm() && rv.lastLogIndex() >= log.lastIndex());
        boolean grant = rv.term() == currentTerm && (votedFor == 0 || votedFor == rv.from()) && upToDate;
        if (grant) {
            votedFor = rv.from();
            persist(out); // the vote leaves only once it is on disk: the lab sends after the write
            out.timer(TimerRequest.arm(TimerKind.ELECTION, electionTimeout()));
        }
        out.event(NodeEvent.vote(id(), role, currentTerm, rv.from(), grant, null));
        out.send(new RequestVoteReply(id(), rv.from(), currentTerm, grant));
    }

    private void onVote(RequestVoteReply r, Effects out) {
        // A reply for an older election, or one that comes after the election is decided, changes nothing.
        if (role != Role.CANDIDATE || r.term() != currentTerm || !r.voteGranted()) {
            return;
        }
        votes.add(r.from());
        if (votes.size() >= setup.voters().majority()) {
            becomeLeader(out);
        }
    }

    /** Figure 2, AppendEntries: the consistency check, then append what is new, then follow the leader's commit. */
    private void onAppendEntries(AppendEntries ae, Effects out) {
        if (ae.term() < currentTerm) {
            out.send(AppendEntriesReply.staleTerm(id(), ae.from(), currentTerm));
            return;
        }
        if (role != Role.FOLLOWER) {
            role = Role.FOLLOWER; // a candidate that hears from the leader of its term gives up
            out.event(NodeEvent.follower(id(), currentTerm, ae.from(), "AppendEntries from n" + ae.from()));
        }
        leaderId = ae.from();
        out.timer(TimerRequest.arm(TimerKind.ELECTION, electionTimeout()));
        long prev = ae.prevLogIndex();
        if (prev > log.lastIndex()) {
            // Too short: the leader should go back to just past our end.
            out.send(AppendEntriesReply.mismatch(id(), ae.from(), currentTerm, prev, 0, log.lastIndex() + 1));
            return;
        }
        if (log.termAt(prev) != ae.prevLogTerm()) {
            // A different term there: tell the leader where that term starts in our log, to skip it whole.
            long term = log.termAt(prev);
            out.send(AppendEntriesReply.mismatch(id(), ae.from(), currentTerm, prev, term,
                    log.firstIndexOfTerm(term, prev)));
            return;
        }
        boolean changed = false;
        long index = prev;
        for (Entry e : ae.entries()) {
            index++;
            if (index <= log.lastIndex() && log.termAt(index) != e.term()) {
                // A conflict: this entry and all after it go. (An entry that matches stays: an old, reordered
                // AppendEntries must not cut what a newer one added.)
                long removed = log.lastIndex() - index + 1;
                log.truncateFrom(index);
                durableIndex = Math.min(durableIndex, index - 1);
                out.event(NodeEvent.truncate(id(), role, currentTerm, index, removed, "conflict with n" + ae.from()));
            }
            if (index > log.lastIndex()) {
                log.append(e);
                changed = true;
            }
        }
        if (changed) {
            persist(out);
        }
        long lastNew = prev + ae.entries().size();
        if (ae.leaderCommit() > commitIndex) {
            commitTo(Math.min(ae.leaderCommit(), lastNew), out);
        }
        out.send(AppendEntriesReply.ok(id(), ae.from(), currentTerm, lastNew));
    }

    private void onAppendReply(AppendEntriesReply r, Effects out) {
        if (role != Role.LEADER || r.term() != currentTerm) {
            return;
        }
        int peer = r.from();
        if (r.success()) {
            if (r.matchIndex() > matchIndex.get(peer)) {
                matchIndex.put(peer, r.matchIndex());
            }
            nextIndex.put(peer, Math.max(nextIndex.get(peer), matchIndex.get(peer) + 1));
            advanceCommit(out);
            return;
        }
        if (r.rejectedIndex() != nextIndex.get(peer) - 1) {
            return; // a refusal of something older than what we send now
        }
        long next = r.conflictIndex();
        if (r.conflictTerm() != 0) {
            long ours = log.lastIndexOfTerm(r.conflictTerm());
            if (ours != 0) {
                next = ours + 1;
            }
        }
        nextIndex.put(peer, Math.max(matchIndex.get(peer) + 1, Math.min(next, r.rejectedIndex())));
        sendAppend(peer, out);
    }

    /** Figures 2 and 8: commit the highest index a majority holds, if its entry is of the current term. */
    private void advanceCommit(Effects out) {
        for (long n = log.lastIndex(); n > commitIndex; n--) {
            if (log.termAt(n) != currentTerm) {
                return; // older entries commit with the first one of this term
            }
            int count = durableIndex >= n ? 1 : 0; // our own copy counts once it is durable
            for (int peer : setup.voters().ids()) {
                if (peer != id() && matchIndex.get(peer) >= n) {
                    count++;
                }
            }
            if (count >= setup.voters().majority()) {
                commitTo(n, out);
                return;
            }
        }
    }

    /**
     * The lab says a disk write that left the log ending at (index, term) is durable. If the log still holds that
     * entry, everything up to it is on disk for good, and a leader may count its own copy.
     */
    @Override
    public Effects persisted(long index, long term) {
        Effects out = new Effects();
        if (index <= log.lastIndex() && log.termAt(index) == term && index > durableIndex) {
            durableIndex = index;
            if (role == Role.LEADER) {
                advanceCommit(out);
            }
        }
        return out;
    }

    /** Moves commitIndex up to {@code index} and applies what is newly committed, answering waiting clients. */
    private void commitTo(long index, Effects out) {
        if (index <= commitIndex) {
            return;
        }
        commitIndex = index;
        out.event(NodeEvent.commit(id(), role, currentTerm, commitIndex));
        long first = lastApplied + 1;
        while (lastApplied < commitIndex) {
            lastApplied++;
            Command c = log.get(lastApplied).command();
            String value = setup.stateMachine().apply(c);
            Long request = waiting.remove(lastApplied);
            if (request != null) {
                out.reply(c.requestId() == request ? ClientReply.ok(request, lastApplied, value)
                        : ClientReply.failed(request, lastApplied, "another entry was committed there"));
            }
        }
        out.event(NodeEvent.apply(id(), role, currentTerm, first, lastApplied));
    }

    private void persist(Effects out) {
        out.persist(DiskWrite.whole(currentTerm, votedFor, log));
    }

    @Override
    public Effects propose(Command c) {
        Effects out = new Effects();
        if (role != Role.LEADER) {
            return out.reply(ClientReply.redirect(c.requestId(), leaderId, "n" + id() + " is not the leader"));
        }
        log.append(new Entry(currentTerm, c));
        persist(out);
        waiting.put(log.lastIndex(), c.requestId());
        out.reply(ClientReply.accepted(c.requestId(), log.lastIndex(), id()));
        for (int peer : setup.voters().ids()) {
            if (peer != id() && nextIndex.get(peer) == log.lastIndex()) {
                sendAppend(peer, out); // a follower that is caught up gets it now; others at the next heartbeat
            }
        }
        advanceCommit(out); // a cluster of one commits at once
        return out;
    }

    /** A fresh random election timeout in the configured range, from the node's own random stream. */
    private long electionTimeout() {
        long min = setup.settings().electionMin();
        long max = setup.settings().electionMax();
        return min + setup.random().nextInt((int) (max - min + 1));
    }

    // The lab reads these after every step (the checkers and the views); they must not change anything.

    @Override
    public int id() {
        return setup.id();
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public long currentTerm() {
        return currentTerm;
    }

    @Override
    public int votedFor() {
        return votedFor;
    }

    @Override
    public int leaderId() {
        return leaderId;
    }

    @Override
    public RaftLogView log() {
        return log;
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
    public StateMachine stateMachine() {
        return setup.stateMachine();
    }
}
