// The skeleton (examples/skeleton/MyRaft.java) with elections done: the first step of docs/your-own-raft.md.
// Figure 2's RequestVote rules, the term rules for every message, and heartbeats (empty AppendEntries) that keep
// followers from starting elections. No log replication yet: grade passes the election tests and fails the rest.
//
//     ./lab grade examples/elections/MyRaft.java

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import raftlab.raft.AppendEntries;
import raftlab.raft.AppendEntriesReply;
import raftlab.raft.ClientReply;
import raftlab.raft.Command;
import raftlab.raft.DiskWrite;
import raftlab.raft.Effects;
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
        heartbeat(out);
    }

    /** A leader tells every follower it is alive (an empty AppendEntries), and does it again a heartbeat later. */
    private void heartbeat(Effects out) {
        if (role != Role.LEADER) {
            return;
        }
        for (int peer : setup.voters().ids()) {
            if (peer != id()) {
                out.send(new AppendEntries(id(), peer, currentTerm, log.lastIndex(), log.lastTerm(), List.of(),
                        commitIndex));
            }
        }
        out.timer(TimerRequest.arm(TimerKind.HEARTBEAT, setup.settings().heartbeat()));
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
            case APPEND_ENTRIES_REPLY -> { } // TODO: log replication
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

    /** For now only the heartbeat part: a current leader exists, so reset the election timer. */
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
        // TODO: the log consistency check, appending entries, leaderCommit; reply success only when the log matches.
    }

    private void persist(Effects out) {
        out.persist(DiskWrite.whole(currentTerm, votedFor, log));
    }

    @Override
    public Effects propose(Command c) {
        // TODO: a leader appends the command to its log and answers ClientReply.accepted; OK comes when applied.
        return new Effects().reply(ClientReply.redirect(c.requestId(), leaderId, "n" + id() + " is not the leader"));
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
