package raftlab.sim;

import raftlab.raft.ClientRequest;
import raftlab.raft.Message;
import raftlab.raft.MessageType;

/** A message on the virtual network, with the id the user names it by and when it is due. */
public final class InFlight extends Scheduled {
    public final long id;
    public final Message message;
    public final long sentAt;
    /**
     * The message's ends and kind, read once when it is sent. Read through {@link Message} at delivery, where every
     * kind of message passes, each was a call through the interface table: with the calls on the sending side, about
     * a tenth of the deliveries benchmark's cycles (perf).
     */
    final int from;
    final int to;
    final MessageType kind;
    /** Set once the message is delivered or dropped; it then stays in the queue only until popped. */
    boolean done;

    InFlight(long id, Message message, int from, int to, MessageType kind, long sentAt, long dueAt, long seq) {
        super(dueAt, seq);
        this.id = id;
        this.message = message;
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.sentAt = sentAt;
    }

    /** Another flight of {@code m}'s message (a copy, or the same one made later), with its ends and kind. */
    InFlight(long id, InFlight m, long sentAt, long dueAt, long seq) {
        this(id, m.message, m.from, m.to, m.kind, sentAt, dueAt, seq);
    }

    public long dueAt() {
        return time;
    }

    /** {@code #17 2->1 AppendEntriesReply term=3 success=true match=7 due@1204} */
    public String describe() {
        return "#" + id + " " + ClientRequest.name(message.from()) + "->" + ClientRequest.name(message.to()) + " "
                + message.type() + " " + message.fields()
                + " due@" + time;
    }
}
