package raftlab.check.explore;

import raftlab.raft.Message;
import raftlab.raft.RaftLogView;
import raftlab.raft.RaftNode;
import raftlab.raft.RequestVote;
import raftlab.raft.RequestVoteReply;
import raftlab.raft.Role;
import raftlab.sim.Cluster;
import raftlab.sim.InFlight;
import raftlab.sim.SimListener;

/**
 * Chooses the node of an aimed fault ({@link FaultKind#aimed()}). Random faults rarely land in the few milliseconds
 * some bugs need (Figure 8 needs leaders cut off right after they take a write, forget-vote needs a reboot between
 * two candidates' requests), so an aimed fault waits, armed, for such a moment. While armed, this listener watches
 * the events and raises a flag when one may have come; {@link ScenarioRunner} then finishes that millisecond and asks
 * {@link #fire} for the concrete fault, which it applies and records like any other. Everything here reads only the
 * cluster's state, so the choice is as deterministic as the run.
 */
final class Targeting implements SimListener {
    /** How long an aimed fault waits for its moment before it is given up. */
    static final long WINDOW = 2000;

    private final Cluster cluster;
    private FaultKind armed;
    private boolean flagged;

    Targeting(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Arms an aimed fault; its moment may be here already, so the runner tries {@link #fire} at once. */
    void arm(FaultKind kind) {
        armed = kind;
        flagged = true;
    }

    void disarm() {
        armed = null;
        flagged = false;
    }

    boolean armed() {
        return armed != null;
    }

    /** Whether the runner should stop at the end of this millisecond and try {@link #fire}. */
    boolean flagged() {
        return flagged;
    }

    @Override
    public void afterEvent(Cluster c) {
        if (armed == FaultKind.ISOLATE_LEADER && !flagged) {
            flagged = leaderToIsolate() != 0;
        }
    }

    @Override
    public void sent(long time, InFlight m) {
        if (armed == FaultKind.REBOOT_VOTER && m.message instanceof RequestVoteReply
                && ((RequestVoteReply) m.message).voteGranted()) {
            flagged = true;
        }
    }

    /**
     * The concrete fault the armed one becomes now, lasting {@code length} ms, or null if the moment is not (or no
     * longer) there. Clears the flag either way.
     */
    Fault fire(long length) {
        flagged = false;
        long now = cluster.now();
        if (armed == FaultKind.ISOLATE_LEADER) {
            int leader = leaderToIsolate();
            return leader == 0 ? null : new Fault(now, length, FaultKind.PARTITION, alone(leader));
        }
        int voter = voterToReboot();
        return voter == 0 ? null : new Fault(now, 0, FaultKind.CRASH, Integer.toString(voter));
    }

    /**
     * The leader to cut off: the current leader, if its newest entry is of its own term and on fewer than a majority
     * of disks (not committed, and still losable), and it can reach a majority (it is not cut off already).
     */
    private int leaderToIsolate() {
        int leader = cluster.leader();
        if (leader == 0) {
            return 0;
        }
        RaftNode node = cluster.node(leader);
        RaftLogView log = node.log();
        long last = log.lastIndex();
        if (last == 0 || log.termAt(last) != node.currentTerm() || last <= node.commitIndex()) {
            return 0;
        }
        boolean onMajority = cluster.voters().hasMajority(id -> {
            RaftLogView other = cluster.disk(id).log();
            return other.lastIndex() >= last && other.snapshotIndex() <= last && other.termAt(last) == log.termAt(last);
        });
        boolean reachesMajority = cluster.voters().hasMajority(id -> id == leader
                || (cluster.isUp(id) && !cluster.network().isCut(leader, id)));
        return !onMajority && reachesMajority ? leader : 0;
    }

    /**
     * A live follower that voted in its current term while a RequestVote of that same term from another candidate is
     * still on its way to it: rebooted now, a node that forgets its vote would grant that one too.
     */
    private int voterToReboot() {
        for (InFlight f : cluster.inFlight()) {
            Message m = f.message;
            if (!(m instanceof RequestVote)) {
                continue;
            }
            int to = m.to();
            RaftNode node = cluster.node(to);
            if (node == null || node.role() != Role.FOLLOWER || m.term() != node.currentTerm()) {
                continue;
            }
            int votedFor = node.votedFor();
            if (votedFor != 0 && votedFor != m.from() && votedFor != to) {
                return to;
            }
        }
        return 0;
    }

    /** Partition groups with {@code id} alone and everyone else together, as {@code partition} takes them. */
    private String alone(int id) {
        StringBuilder rest = new StringBuilder();
        for (int other = 1; other <= cluster.size(); other++) {
            if (other != id) {
                rest.append(rest.length() == 0 ? "" : ",").append(other);
            }
        }
        return id + " " + rest;
    }
}
