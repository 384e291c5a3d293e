package raftlab.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one step of a node does to the world, in one batch (etcd's Ready): the state to persist, the messages
 * to send, the events to report, the answers to clients and the timers to (re)arm. A node fills one per step and
 * returns it; the lab then, in this order, writes {@link #persist()} to the node's disk, reports the events, applies
 * the timer requests, and sends the messages and client replies once the write is durable.
 *
 * <p>A node builds it with the adder methods; the lab reads it with the getters. Lists are created on first use, so
 * a step that does nothing costs almost nothing. The getters hand out the batch's own lists, not read-only wrappers
 * (one allocation fewer per list per step, on the simulation's hottest path): readers must not change them.
 */
public final class Effects {
    private DiskWrite persist;
    private List<Message> messages;
    private List<NodeEvent> events;
    private List<ClientReply> replies;
    private List<TimerRequest> timers;

    /** What to write to stable storage before the messages leave (replacing an earlier call in the same step). */
    public Effects persist(DiskWrite w) {
        persist = w;
        return this;
    }

    public Effects send(Message m) {
        if (messages == null) {
            messages = new ArrayList<>(4);
        }
        messages.add(m);
        return this;
    }

    public Effects event(NodeEvent e) {
        if (events == null) {
            events = new ArrayList<>(2);
        }
        events.add(e);
        return this;
    }

    public Effects reply(ClientReply r) {
        if (replies == null) {
            replies = new ArrayList<>(2);
        }
        replies.add(r);
        return this;
    }

    public Effects timer(TimerRequest t) {
        if (timers == null) {
            timers = new ArrayList<>(2);
        }
        timers.add(t);
        return this;
    }

    /** The write to make durable before anything is sent, or null if the step changed no persistent state. */
    public DiskWrite persist() {
        return persist;
    }

    public List<Message> messages() {
        return messages == null ? List.of() : messages;
    }

    public List<NodeEvent> events() {
        return events == null ? List.of() : events;
    }

    public List<ClientReply> replies() {
        return replies == null ? List.of() : replies;
    }

    /** Timer requests in the order made; a later request for the same timer replaces an earlier one. */
    public List<TimerRequest> timers() {
        return timers == null ? List.of() : timers;
    }

    /** Whether there is anything to send or answer (what must wait for the write to be durable). */
    public boolean hasOutput() {
        return messages != null || replies != null;
    }
}
