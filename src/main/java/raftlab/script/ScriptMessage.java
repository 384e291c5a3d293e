package raftlab.script;

import java.util.List;
import java.util.Map;

import raftlab.raft.AppendEntries;
import raftlab.raft.AppendEntriesReply;
import raftlab.raft.InstallSnapshot;
import raftlab.raft.InstallSnapshotReply;
import raftlab.raft.Message;
import raftlab.raft.RequestVote;
import raftlab.raft.RequestVoteReply;
import raftlab.sim.InFlight;

/**
 * A message in flight as a script sees it: {@code m.id}, {@code m.from}, {@code m.to}, {@code m.type}, {@code m.term},
 * {@code m.due}, and the Figure 2 fields of its type (the others are null). Passing it to a command names it by id,
 * so {@code deliver m} or {@code drop msgs().findAll { it.type == 'RequestVote' }} work. A snapshot: it does not
 * change when the message is delivered.
 */
public final class ScriptMessage {
    private final long id;
    private final long sentAt;
    private final long due;
    private final Message message;

    ScriptMessage(InFlight m) {
        this.id = m.id;
        this.sentAt = m.sentAt;
        this.due = m.dueAt();
        this.message = m.message;
    }

    public long getId() {
        return id;
    }

    public int getFrom() {
        return message.from();
    }

    public int getTo() {
        return message.to();
    }

    /** AppendEntries, AppendEntriesReply, RequestVote or RequestVoteReply. */
    public String getType() {
        return message.type();
    }

    public long getTerm() {
        return message.term();
    }

    /** Virtual ms when the network would deliver it by itself. */
    public long getDue() {
        return due;
    }

    public long getSentAt() {
        return sentAt;
    }

    /** The Figure 2 fields as the {@code msgs} command prints them. */
    public String getFields() {
        return message.fields();
    }

    // AppendEntries

    public Long getPrevLogIndex() {
        return message instanceof AppendEntries ? ((AppendEntries) message).prevLogIndex() : null;
    }

    public Long getPrevLogTerm() {
        return message instanceof AppendEntries ? ((AppendEntries) message).prevLogTerm() : null;
    }

    /** The entries carried, as [index:, term:, command:] maps; empty for a heartbeat. */
    public List<Map<String, Object>> getEntries() {
        if (!(message instanceof AppendEntries)) {
            return null;
        }
        AppendEntries ae = (AppendEntries) message;
        return ScriptQueries.entries(ae.prevLogIndex() + 1, ae.entries());
    }

    public Long getLeaderCommit() {
        return message instanceof AppendEntries ? ((AppendEntries) message).leaderCommit() : null;
    }

    // AppendEntriesReply

    public Boolean getSuccess() {
        return message instanceof AppendEntriesReply ? ((AppendEntriesReply) message).success() : null;
    }

    public Long getMatchIndex() {
        return message instanceof AppendEntriesReply ? ((AppendEntriesReply) message).matchIndex() : null;
    }

    public Long getConflictTerm() {
        return message instanceof AppendEntriesReply ? ((AppendEntriesReply) message).conflictTerm() : null;
    }

    public Long getConflictIndex() {
        return message instanceof AppendEntriesReply ? ((AppendEntriesReply) message).conflictIndex() : null;
    }

    // InstallSnapshot (Figure 13) and its reply

    public Long getLastIncludedIndex() {
        if (message instanceof InstallSnapshot is) {
            return is.lastIncludedIndex();
        }
        return message instanceof InstallSnapshotReply r ? r.lastIncludedIndex() : null;
    }

    public Long getLastIncludedTerm() {
        return message instanceof InstallSnapshot is ? is.lastIncludedTerm() : null;
    }

    public Integer getOffset() {
        return message instanceof InstallSnapshot is ? is.offset() : null;
    }

    /** The chunk's size in bytes. */
    public Integer getSize() {
        return message instanceof InstallSnapshot is ? is.data().length : null;
    }

    public Boolean getDone() {
        return message instanceof InstallSnapshot is ? is.done() : null;
    }

    public Boolean getInstalled() {
        return message instanceof InstallSnapshotReply r ? r.installed() : null;
    }

    // RequestVote

    public Long getLastLogIndex() {
        return message instanceof RequestVote ? ((RequestVote) message).lastLogIndex() : null;
    }

    public Long getLastLogTerm() {
        return message instanceof RequestVote ? ((RequestVote) message).lastLogTerm() : null;
    }

    // RequestVoteReply

    public Boolean getVoteGranted() {
        return message instanceof RequestVoteReply ? ((RequestVoteReply) message).voteGranted() : null;
    }

    /** {@code #17 2->1 AppendEntriesReply term=3 success=true match=7 due@1204}, as {@code msgs} prints it. */
    @Override
    public String toString() {
        return "#" + id + " " + getFrom() + "->" + getTo() + " " + getType() + " " + getFields() + " due@" + due;
    }
}
