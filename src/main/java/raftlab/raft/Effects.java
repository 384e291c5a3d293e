package raftlab.raft;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything one step of a node does to the world, in one batch (etcd's Ready): the state to persist, the messages
 * to send, the events to report, the answers to clients and the timers to (re)arm. A node fills one per step and
 * returns it; the lab then, in this order, writes {@link #persist()} to the node's disk, reports the events, applies
 * the timer requests, and sends the messages and client replies once the write is durable.
 *
 * <p>A node builds it with the adder methods; the lab reads it with the counted getters ({@link #messageCount()} and
 * {@link #message(int)}, and so on) or the read-only list views ({@link #messages()}...). A batch is valid until its
 * node's next step: a node may hand out the same object every step, filled anew ({@link ReferenceNode} does, so that
 * a step allocates no batch and no lists on the simulation's hottest path), and whoever must keep a batch past that
 * keeps a {@link #copy()}. A node may as well return a new one each step.
 */
public final class Effects {
    private static final Message[] NO_MESSAGES = new Message[0];
    private static final NodeEvent[] NO_EVENTS = new NodeEvent[0];
    private static final ClientReply[] NO_REPLIES = new ClientReply[0];
    private static final TimerRequest[] NO_TIMERS = new TimerRequest[0];
    private static final byte[] NO_BYTES = new byte[0];
    private static final long[] NO_LONGS = new long[0];
    private static final Role[] ROLES = Role.values();
    private static final byte MADE = 0;
    private static final byte COMMIT = 1;
    private static final byte APPLY = 2;

    private DiskWrite persist;
    // Arrays with counts rather than lists: made on first use, then kept (and grown) while the batch is reused.
    private Message[] messages = NO_MESSAGES;
    private int messageCount;
    private NodeEvent[] events = NO_EVENTS;
    private int eventCount;
    /**
     * Commit and apply events, a loaded node's most frequent, are held as their numbers until read: {@code events[i]}
     * is then null, {@code heldKind[i]} says which of the two it is (MADE for any other event, or once made), and
     * {@code eventFields[4i..4i+3]} hold the node and role, the term and the two indexes. Reading one makes it with
     * {@link NodeEvent#commit} or {@link NodeEvent#apply}, the very event the node would have made; a run with no one
     * listening to events (a benchmark) makes none. Only {@link ReferenceNode} adds them so.
     */
    private byte[] heldKind = NO_BYTES;
    private long[] eventFields = NO_LONGS;
    private ClientReply[] replies = NO_REPLIES;
    private int replyCount;
    private TimerRequest[] timers = NO_TIMERS;
    private int timerCount;

    /** What to write to stable storage before the messages leave (replacing an earlier call in the same step). */
    public Effects persist(DiskWrite w) {
        persist = w;
        return this;
    }

    public Effects send(Message m) {
        if (messageCount == messages.length) {
            messages = Arrays.copyOf(messages, Math.max(4, messageCount * 2));
        }
        messages[messageCount++] = m;
        return this;
    }

    public Effects event(NodeEvent e) {
        if (eventCount == events.length) {
            events = Arrays.copyOf(events, Math.max(2, eventCount * 2));
        }
        if (eventCount < heldKind.length) {
            heldKind[eventCount] = MADE;
        }
        events[eventCount++] = e;
        return this;
    }

    /** As {@code event(NodeEvent.commit(node, role, term, index))}, the event made only if read. */
    void commitEvent(int node, Role role, long term, long index) {
        heldEvent(COMMIT, node, role, term, index, 0);
    }

    /** As {@code event(NodeEvent.apply(node, role, term, first, last))}, the event made only if read. */
    void applyEvent(int node, Role role, long term, long first, long last) {
        heldEvent(APPLY, node, role, term, first, last);
    }

    private void heldEvent(byte kind, int node, Role role, long term, long a, long b) {
        if (eventCount == events.length) {
            events = Arrays.copyOf(events, Math.max(2, eventCount * 2));
        }
        if (heldKind.length < events.length) {
            heldKind = Arrays.copyOf(heldKind, events.length);
            eventFields = Arrays.copyOf(eventFields, events.length * 4);
        }
        int at = eventCount * 4;
        eventFields[at] = ((long) role.ordinal() << 32) | (node & 0xFFFFFFFFL);
        eventFields[at + 1] = term;
        eventFields[at + 2] = a;
        eventFields[at + 3] = b;
        heldKind[eventCount] = kind;
        events[eventCount++] = null;
    }

    /** Makes the held event at {@code i} (see {@link #heldKind}) and keeps it in its place: made once. */
    private NodeEvent made(int i) {
        int at = i * 4;
        int node = (int) eventFields[at];
        Role role = ROLES[(int) (eventFields[at] >>> 32)];
        NodeEvent e = heldKind[i] == COMMIT ? NodeEvent.commit(node, role, eventFields[at + 1], eventFields[at + 2])
                : NodeEvent.apply(node, role, eventFields[at + 1], eventFields[at + 2], eventFields[at + 3]);
        events[i] = e;
        heldKind[i] = MADE;
        return e;
    }

    /** Makes every held event: before the events array is handed out or copied. */
    private void makeAll() {
        for (int i = 0; i < eventCount && i < heldKind.length; i++) {
            if (heldKind[i] != MADE) {
                made(i);
            }
        }
    }

    public Effects reply(ClientReply r) {
        if (replyCount == replies.length) {
            replies = Arrays.copyOf(replies, Math.max(2, replyCount * 2));
        }
        replies[replyCount++] = r;
        return this;
    }

    public Effects timer(TimerRequest t) {
        if (timerCount == timers.length) {
            timers = Arrays.copyOf(timers, Math.max(2, timerCount * 2));
        }
        timers[timerCount++] = t;
        return this;
    }

    /** The write to make durable before anything is sent, or null if the step changed no persistent state. */
    public DiskWrite persist() {
        return persist;
    }

    public int messageCount() {
        return messageCount;
    }

    /** The {@code i}th message to send, {@code 0 <= i < messageCount()}. */
    public Message message(int i) {
        return messages[Objects.checkIndex(i, messageCount)];
    }

    public int eventCount() {
        return eventCount;
    }

    public NodeEvent event(int i) {
        NodeEvent e = events[Objects.checkIndex(i, eventCount)];
        return e != null || i >= heldKind.length || heldKind[i] == MADE ? e : made(i);
    }

    public int replyCount() {
        return replyCount;
    }

    public ClientReply reply(int i) {
        return replies[Objects.checkIndex(i, replyCount)];
    }

    public int timerCount() {
        return timerCount;
    }

    public TimerRequest timer(int i) {
        return timers[Objects.checkIndex(i, timerCount)];
    }

    /** The messages, as a read-only view of this batch (valid as the batch is). */
    public List<Message> messages() {
        return view(messages, messageCount);
    }

    public List<NodeEvent> events() {
        makeAll();
        return view(events, eventCount);
    }

    public List<ClientReply> replies() {
        return view(replies, replyCount);
    }

    /** Timer requests in the order made; a later request for the same timer replaces an earlier one. */
    public List<TimerRequest> timers() {
        return view(timers, timerCount);
    }

    /** Whether there is anything to send or answer (what must wait for the write to be durable). */
    public boolean hasOutput() {
        return messageCount > 0 || replyCount > 0;
    }

    /** A batch of its own with the same contents: what to keep when this one may be filled again. */
    public Effects copy() {
        Effects c = new Effects();
        c.persist = persist;
        if (messageCount > 0) {
            c.messages = Arrays.copyOf(messages, messageCount);
            c.messageCount = messageCount;
        }
        if (eventCount > 0) {
            makeAll();
            c.events = Arrays.copyOf(events, eventCount);
            c.eventCount = eventCount;
        }
        if (replyCount > 0) {
            c.replies = Arrays.copyOf(replies, replyCount);
            c.replyCount = replyCount;
        }
        if (timerCount > 0) {
            c.timers = Arrays.copyOf(timers, timerCount);
            c.timerCount = timerCount;
        }
        return c;
    }

    /**
     * Empties the batch for the node's next step, keeping its arrays. The slots used are cleared, so that a reused
     * batch does not keep the last step's messages (a snapshot's chunks, say) alive.
     */
    void clear() {
        persist = null;
        for (int i = 0; i < messageCount; i++) {
            messages[i] = null;
        }
        messageCount = 0;
        for (int i = 0; i < eventCount; i++) {
            events[i] = null;
        }
        for (int i = 0; i < eventCount && i < heldKind.length; i++) {
            heldKind[i] = MADE;
        }
        eventCount = 0;
        for (int i = 0; i < replyCount; i++) {
            replies[i] = null;
        }
        replyCount = 0;
        for (int i = 0; i < timerCount; i++) {
            timers[i] = null;
        }
        timerCount = 0;
    }

    private static <E> List<E> view(E[] items, int count) {
        return count == 0 ? List.of() : new Prefix<>(items, count);
    }

    /** The first {@code count} items of an array, read-only. */
    private static final class Prefix<E> extends AbstractList<E> {
        private final E[] items;
        private final int count;

        Prefix(E[] items, int count) {
            this.items = items;
            this.count = count;
        }

        @Override
        public E get(int index) {
            return items[Objects.checkIndex(index, count)];
        }

        @Override
        public int size() {
            return count;
        }
    }
}
