package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** MessageFields reads the same kind, sender, receiver and term as the message's own accessors, for every kind. */
class MessageFieldsTest {
    @Test
    void agreesWithTheAccessorsForEveryKind() {
        List<Message> one = List.of(
                new AppendEntries(1, 2, 3, 0, 0, List.of(), 0, 0),
                new AppendEntriesReply(2, 3, 4, true, 1, 0, 0, 0, 0),
                new RequestVote(3, 4, 5, 0, 0, false),
                new RequestVoteReply(4, 5, 6, true),
                new PreVote(5, 6, 7, 0, 0),
                new PreVoteReply(6, 7, 8, false),
                new TimeoutNow(7, 8, 9),
                new InstallSnapshot(8, 9, 10, 8, 1, 1, 0, new byte[0], true),
                new InstallSnapshotReply(9, 1, 11, 1, true, 0),
                new ReadIndex(1, 3, 12, 1),
                new ReadIndexReply(3, 1, 13, 1, true, 2),
                new ClientRequest(-4, 2, Command.NOOP),
                new ClientResponse(2, -4, ClientReply.ok(1, 1, null)));
        Set<MessageType> seen = EnumSet.noneOf(MessageType.class);
        for (Message m : one) {
            MessageType k = m.kind();
            seen.add(k);
            assertEquals(k, MessageFields.kind(m), k.label);
            assertEquals(m.from(), MessageFields.from(m, k), k.label);
            assertEquals(m.to(), MessageFields.to(m, k), k.label);
            assertEquals(m.term(), MessageFields.term(m, k), k.label);
        }
        assertEquals(EnumSet.allOf(MessageType.class), seen, "one message of every kind");
    }
}
