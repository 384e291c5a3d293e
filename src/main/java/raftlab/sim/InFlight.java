package raftlab.sim;

import raftlab.raft.ClientRequest;
import raftlab.raft.Message;

/** A message on the virtual network, with the id the user names it by and when it is due. */
public final class InFlight extends Scheduled {
    public final long id;
    public final Message message;
    public final long sentAt;
    /** Set once the message is delivered or dropped; it then stays in the queue only until popped. */
    boolean done;

    InFlight(long id, Message message, long sentAt, long dueAt, long seq) {
        super(dueAt, seq);
        this.id = id;
        this.message = message;
        this.sentAt = sentAt;
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
