package raftlab.picture;

import java.util.ArrayList;
import java.util.List;

import raftlab.raft.Entry;
import raftlab.raft.Role;

/** What one node looks like at one moment of a recorded run: the state a picture draws. */
public final class NodeState {
    boolean up = true;
    Role role = Role.FOLLOWER;
    long term;
    long commit;
    long applied;
    final ArrayList<Entry> log = new ArrayList<>();

    NodeState copy() {
        NodeState s = new NodeState();
        s.up = up;
        s.role = role;
        s.term = term;
        s.commit = commit;
        s.applied = applied;
        s.log.addAll(log);
        return s;
    }

    void apply(StateChange c) {
        up = c.up();
        role = c.role();
        term = c.term();
        commit = c.commit();
        applied = c.applied();
        if (c.logTail() != null) {
            log.subList((int) Math.min(c.logFrom() - 1, log.size()), log.size()).clear();
            log.addAll(c.logTail());
        }
    }

    public boolean up() {
        return up;
    }

    public Role role() {
        return role;
    }

    public long term() {
        return term;
    }

    public long commit() {
        return commit;
    }

    public long applied() {
        return applied;
    }

    public List<Entry> log() {
        return log;
    }
}
