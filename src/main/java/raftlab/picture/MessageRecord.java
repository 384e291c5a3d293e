package raftlab.picture;

import raftlab.raft.Message;

/**
 * One message as the recorder saw it: sent at {@link #sentAt()}, then delivered or dropped at {@link #endAt()}.
 * Holds the immutable message itself and reads its fields only when a picture is drawn, so recording costs one small
 * object per message.
 */
public final class MessageRecord {
    private final long id;
    private final Message message;
    private final long sentAt;
    private final long sentSeq;
    private final long dueAt;
    private final long copyOf;
    private MessageFate fate = MessageFate.IN_FLIGHT;
    private long endAt = -1;
    private long endSeq = -1;
    private String why;

    MessageRecord(long id, Message message, long sentAt, long sentSeq, long dueAt, long copyOf) {
        this.id = id;
        this.message = message;
        this.sentAt = sentAt;
        this.sentSeq = sentSeq;
        this.dueAt = dueAt;
        this.copyOf = copyOf;
    }

    void end(MessageFate f, long time, long seq, String reason) {
        fate = f;
        endAt = time;
        endSeq = seq;
        why = reason;
    }

    /** The id the lab shows ({@code #17}). */
    public long id() {
        return id;
    }

    public Message message() {
        return message;
    }

    public int from() {
        return message.from();
    }

    public int to() {
        return message.to();
    }

    public String type() {
        return message.type();
    }

    public long sentAt() {
        return sentAt;
    }

    /** Order among everything recorded at the same virtual time. */
    public long sentSeq() {
        return sentSeq;
    }

    /** When the network meant to deliver it (hold and delay can make the real arrival later). */
    public long dueAt() {
        return dueAt;
    }

    /** The id of the message this one duplicates, or 0 for an original. */
    public long copyOf() {
        return copyOf;
    }

    public MessageFate fate() {
        return fate;
    }

    /** When it was delivered or dropped; -1 while in flight. */
    public long endAt() {
        return endAt;
    }

    public long endSeq() {
        return endSeq;
    }

    /** Why it was dropped, or null. */
    public String why() {
        return why;
    }
}
