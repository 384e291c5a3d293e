package raftlab.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import raftlab.raft.ClientReply;
import raftlab.raft.NodeEvent;
import raftlab.sim.ClientOp;
import raftlab.sim.SimListener;

/**
 * Records what happened in the current cluster as plain maps, so that a script can assert over every event
 * (say, "never two leaders in one term") rather than only over the states it happens to look at between commands.
 */
final class EventTap implements SimListener {
    private final List<Map<String, Object>> events = new ArrayList<>();

    @Override
    public void nodeEvent(long time, NodeEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time);
        m.put("node", e.node());
        m.put("kind", e.kind().label());
        m.put("role", e.role().label());
        m.put("term", e.term());
        m.put("text", "n" + e.node() + " " + e.describe());
        events.add(m);
    }

    @Override
    public void clientReply(long time, ClientOp op, ClientReply r) {
        Map<String, Object> m = client(time, op, r.status().name().toLowerCase());
        m.put("index", r.index());
        if (r.status() == ClientReply.Status.OK) {
            m.put("value", r.value());
        }
        events.add(m);
    }

    @Override
    public void clientLost(long time, ClientOp op, String why) {
        events.add(client(time, op, "lost"));
    }

    private static Map<String, Object> client(long time, ClientOp op, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time);
        m.put("node", op.node());
        m.put("kind", "client");
        m.put("request", op.requestId());
        m.put("command", op.describe());
        m.put("status", status);
        return m;
    }

    List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }
}
