package raftlab.sim;

import java.util.ArrayList;
import java.util.List;

import raftlab.raft.ClientReply;
import raftlab.raft.NodeEvent;

/** Records everything the simulation reports, one line per report with its virtual time, for comparing runs. */
final class TraceListener implements SimListener {
    final List<String> lines = new ArrayList<>();
    final List<InFlight> sent = new ArrayList<>();
    final List<InFlight> delivered = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();
    final List<ClientReply> replies = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    final List<NodeEvent> events = new ArrayList<>();

    @Override
    public void nodeEvent(long time, NodeEvent e) {
        events.add(e);
        lines.add(time + " n" + e.node() + " " + e.describe());
    }

    @Override
    public void clientReply(long time, ClientOp op, ClientReply reply) {
        replies.add(reply);
        lines.add(time + " reply " + op.describe() + " " + reply);
    }

    @Override
    public void clientLost(long time, ClientOp op, String why) {
        lost.add(op.describe() + ": " + why);
        lines.add(time + " lost " + op.describe() + " " + why);
    }

    @Override
    public void sent(long time, InFlight m) {
        sent.add(m);
        lines.add(time + " sent " + m.describe());
    }

    @Override
    public void delivered(long time, InFlight m) {
        delivered.add(m);
        lines.add(time + " deliver " + m.describe());
    }

    @Override
    public void dropped(long time, InFlight m, String why) {
        dropped.add("#" + m.id + " " + why);
        lines.add(time + " drop " + m.describe() + " " + why);
    }
}
