// Your own Raft, starting point. Copy this file, then run it in the lab:
//
//     cp examples/skeleton/MyRaft.java .
//     ./lab                                  then, at the lab> prompt:
//     cluster 5 --impl MyRaft.java
//     tick 1000
//     status                                 every node is a follower in term 0: nobody ever stands for election
//
// and grade it with `./lab grade MyRaft.java`. It compiles and runs, reports its state, answers clients with
// REDIRECT, and never elects a leader: every election test fails. docs/your-own-raft.md walks you from here to a
// node that passes them, one Figure 2 rule at a time.
//
// The contract, in short: no threads, no clock, no I/O, no static mutable state. Everything the node does to the
// world goes in the Effects it returns from each step; time exists only as the timers it asks for; randomness only
// from setup.random().

import raftlab.raft.ClientReply;
import raftlab.raft.Command;
import raftlab.raft.Effects;
import raftlab.raft.Message;
import raftlab.raft.NodeSetup;
import raftlab.raft.RaftLog;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
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
        if (timer == TimerKind.ELECTION) {
            // TODO: become a candidate: next term, vote for yourself (and persist both), ask every other voter
            //       (setup.voters().ids()) for its vote with a RequestVote.
            out.timer(TimerRequest.arm(TimerKind.ELECTION, electionTimeout()));
        }
        return out;
    }

    @Override
    public Effects receive(Message m) {
        // TODO: RequestVote, RequestVoteReply, AppendEntries, AppendEntriesReply (Figure 2, "Rules for Servers").
        return new Effects();
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
