// The seed article's Go sketch ("Practical Raft: A Deep Dive into Distributed Replicated Log Systems"), written
// against the lab's node interface as faithfully as the interface allows, with the parts the article leaves out
// filled in the way a first attempt usually fills them. Run it and watch it break:
//
//     ./lab grade examples/naive/NaiveRaft.java
//     ./lab                 then: cluster 5 --impl examples/naive/NaiveRaft.java, clients 3, net unreliable, tick 5000
//
// What it keeps from the sketch, each a real bug:
//   1. startElection counts every granted vote that comes back, with no check that the reply is for this election
//      (its term) or that the voter was not counted already: the Go goroutines' `votes++` (racy there; here the
//      lab's duplicated and late messages do the same damage). It calls becomeLeader again on every vote past the
//      majority.
//   2. AppendEntries has no consistency check: `rf.log = append(rf.log, args.Entries...)` appends whatever arrives,
//      after whatever is there, and never removes a conflicting entry. It also takes the leader's term without
//      clearing its vote.
//   3. The vote handler (not in the sketch) grants a vote to any candidate of a term at least its own, once, without
//      asking whether the candidate's log is up to date.
//   4. The leader (not in the sketch) sends each new entry once, never retries ("implement AppendEntries RPC with
//      retries", the article's exercise), and commits by counting replicas, whatever the entry's term.
// It does persist its state (DiskWrite.whole): the lab enforces that, and stops a node that does not.

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

public class NaiveRaft implements RaftNode {
    private final NodeSetup setup;
    private final int me;
    private long currentTerm;
    private int votedFor;
    private final RaftLog log;
    private Role role = Role.FOLLOWER;
    private int leaderId;
    private int votes;
    private long commitIndex;
    private long lastApplied;
    /** Leader: the highest index each follower said it holds. */
    private final Map<Integer, Long> matchIndex = new HashMap<>();
    /** Leader: the client request waiting at each index. */
    private final Map<Long, Long> waiting = new HashMap<>();

    public NaiveRaft(NodeSetup setup) {
        this.setup = setup;
        this.me = setup.id();
        this.currentTerm = setup.restored().currentTerm();
        this.votedFor = setup.restored().votedFor();
        this.log = RaftLog.copyOf(setup.restored().log());
    }

    @Override
    public Effects start() {
        return new Effects().timer(TimerRequest.arm(TimerKind.ELECTION, randomTimeout()));
    }

    @Override
    public Effects timeout(TimerKind timer) {
        Effects out = new Effects();
        if (timer == TimerKind.ELECTION) {
            // func (rf *Raft) electionTimeout(): if rf.role != Leader { rf.startElection() }
            if (role != Role.LEADER) {
                startElection(out);
            }
        } else if (role == Role.LEADER) {
            for (int peer : peers()) {
                out.send(new AppendEntries(me, peer, currentTerm, log.lastIndex(), log.lastTerm(), List.of(),
                        commitIndex));
            }
            out.timer(TimerRequest.arm(TimerKind.HEARTBEAT, setup.settings().heartbeat()));
        }
        return out;
    }

    private void startElection(Effects out) {
        currentTerm++;
        role = Role.CANDIDATE;
        votedFor = me;
        votes = 1;
        persist(out);
        out.event(NodeEvent.role(me, Role.CANDIDATE, currentTerm, 0, "election timeout"));
        for (int peer : peers()) {
            out.send(new RequestVote(me, peer, currentTerm, log.lastIndex(), log.lastTerm()));
        }
        out.timer(TimerRequest.arm(TimerKind.ELECTION, randomTimeout()));
    }

    @Override
    public Effects receive(Message m) {
        Effects out = new Effects();
        if (m instanceof RequestVote) {
            RequestVote rv = (RequestVote) m;
            if (rv.term() > currentTerm) {
                currentTerm = rv.term();
                votedFor = 0;
                role = Role.FOLLOWER;
            }
            boolean grant = rv.term() == currentTerm && (votedFor == 0 || votedFor == rv.from());
            if (grant) {
                votedFor = rv.from();
                out.timer(TimerRequest.arm(TimerKind.ELECTION, randomTimeout()));
            }
            persist(out);
            out.event(NodeEvent.vote(me, role, currentTerm, rv.from(), grant, null));
            out.send(new RequestVoteReply(me, rv.from(), currentTerm, grant));
        } else if (m instanceof RequestVoteReply) {
            // go func(p int) { if voteGranted { votes++; if votes > len(rf.peers)/2 { rf.becomeLeader() } } }
            if (((RequestVoteReply) m).voteGranted()) {
                votes++;
                if (votes > setup.voters().size() / 2) {
                    becomeLeader(out);
                }
            }
        } else if (m instanceof AppendEntries) {
            AppendEntries ae = (AppendEntries) m;
            if (ae.term() < currentTerm) {
                out.send(AppendEntriesReply.staleTerm(me, ae.from(), currentTerm));
                return out;
            }
            // rf.lastHeartbeat = time.Now(); rf.role = Follower; rf.currentTerm = args.Term
            out.timer(TimerRequest.arm(TimerKind.ELECTION, randomTimeout()));
            if (role != Role.FOLLOWER || ae.term() != currentTerm) {
                out.event(NodeEvent.follower(me, ae.term(), ae.from(), "AppendEntries from n" + ae.from()));
            }
            role = Role.FOLLOWER;
            currentTerm = ae.term();
            leaderId = ae.from();
            // rf.log = append(rf.log, args.Entries...)
            for (Entry e : ae.entries()) {
                log.append(e);
            }
            persist(out);
            long newCommit = Math.min(ae.leaderCommit(), log.lastIndex());
            if (newCommit > commitIndex) {
                commitIndex = newCommit;
                apply(out);
            }
            out.send(AppendEntriesReply.ok(me, ae.from(), currentTerm, log.lastIndex()));
        } else if (m instanceof AppendEntriesReply) {
            AppendEntriesReply r = (AppendEntriesReply) m;
            if (role == Role.LEADER && r.success()) {
                matchIndex.put(r.from(), r.matchIndex());
                advanceCommit(out);
            }
        }
        return out;
    }

    private void becomeLeader(Effects out) {
        role = Role.LEADER;
        leaderId = me;
        out.event(NodeEvent.role(me, Role.LEADER, currentTerm, votes, null));
        out.timer(TimerRequest.cancel(TimerKind.ELECTION));
        out.timer(TimerRequest.arm(TimerKind.HEARTBEAT, 1));
    }

    @Override
    public Effects propose(Command c) {
        Effects out = new Effects();
        if (role != Role.LEADER) {
            return out.reply(ClientReply.redirect(c.requestId(), leaderId, "n" + me + " is not the leader"));
        }
        long prev = log.lastIndex();
        long prevTerm = log.lastTerm();
        Entry e = new Entry(currentTerm, c);
        log.append(e);
        persist(out);
        waiting.put(log.lastIndex(), c.requestId());
        out.reply(ClientReply.accepted(c.requestId(), log.lastIndex(), me));
        for (int peer : peers()) {
            // Sent once; a lost one is never sent again.
            out.send(new AppendEntries(me, peer, currentTerm, prev, prevTerm, List.of(e), commitIndex));
        }
        return out;
    }

    /** Commits the highest index a majority holds, whatever its term. */
    private void advanceCommit(Effects out) {
        for (long n = log.lastIndex(); n > commitIndex; n--) {
            int count = 1;
            for (long match : matchIndex.values()) {
                if (match >= n) {
                    count++;
                }
            }
            if (count > setup.voters().size() / 2) {
                commitIndex = n;
                apply(out);
                return;
            }
        }
    }

    private void apply(Effects out) {
        long first = lastApplied + 1;
        out.event(NodeEvent.commit(me, role, currentTerm, commitIndex));
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
        out.event(NodeEvent.apply(me, role, currentTerm, first, lastApplied));
    }

    private void persist(Effects out) {
        out.persist(DiskWrite.whole(currentTerm, votedFor, log));
    }

    private List<Integer> peers() {
        List<Integer> out = new ArrayList<>();
        for (int id : setup.voters().ids()) {
            if (id != me) {
                out.add(id);
            }
        }
        return out;
    }

    private long randomTimeout() {
        long min = setup.settings().electionMin();
        return min + setup.random().nextInt((int) (setup.settings().electionMax() - min + 1));
    }

    @Override
    public int id() {
        return me;
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
