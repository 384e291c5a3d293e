package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Figure 13 on the receiving side: chunks, keeping or discarding the log, the state machine, the disk write. */
class InstallSnapshotTest {
    private static final Snapshot SNAP = new Snapshot(2, 1, new TreeMap<>(java.util.Map.of("a", "1", "b", "2")),
            List.of(1, 2, 3));

    /** Follower n2 whose log holds entries 1..4 of the given terms. */
    private static ReferenceNode follower(Set<Bug> bugs, long... terms) {
        PersistentState disk = new PersistentState();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            entries.add(new Entry(terms[i], new Command(CommandKind.PUT, "k" + i, "v", i + 1)));
        }
        disk.apply(new DiskWrite(1, 0, 0, entries));
        return new ReferenceNode(new NodeSetup(2, Quorum.of(1, 2, 3), Settings.DEFAULT, bugs, disk, b -> 0,
                new KvStore()));
    }

    /** Sends the snapshot to {@code n} in chunks of {@code chunk} bytes, in order; returns the last batch. */
    private static Effects send(ReferenceNode n, Snapshot s, int chunk, PersistentState disk) {
        byte[] data = SnapshotCodec.encode(s);
        Effects fx = null;
        for (int off = 0; off < data.length; off += chunk) {
            int end = Math.min(data.length, off + chunk);
            fx = n.receive(new InstallSnapshot(1, 2, 1, 1, s.index(), s.term(), off,
                    java.util.Arrays.copyOfRange(data, off, end), end == data.length));
            if (fx.persist() != null) {
                disk.apply(fx.persist());
            }
        }
        return fx;
    }

    private static PersistentState diskOf(long... terms) {
        PersistentState disk = new PersistentState();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            entries.add(new Entry(terms[i], new Command(CommandKind.PUT, "k" + i, "v", i + 1)));
        }
        disk.apply(new DiskWrite(1, 0, 0, entries));
        return disk;
    }

    @Test
    void aMatchingEntryAtTheSnapshotsIndexKeepsWhatFollowsIt() {
        ReferenceNode n = follower(EnumSet.noneOf(Bug.class), 1, 1, 1, 1);
        PersistentState disk = diskOf(1, 1, 1, 1);
        Effects fx = send(n, SNAP, 7, disk);
        InstallSnapshotReply r = (InstallSnapshotReply) fx.messages().get(0);
        assertTrue(r.installed());
        assertEquals(2, n.log().snapshotIndex());
        assertEquals(4, n.log().lastIndex(), "entries 3 and 4 stay");
        assertEquals(SNAP.image(), n.stateMachine().view(), "state machine reset from the snapshot");
        assertEquals(2, n.lastApplied());
        assertEquals(2, disk.log().snapshotIndex(), "the disk follows");
        assertEquals(4, disk.log().lastIndex());
        assertEquals(SNAP, disk.snapshot());
    }

    @Test
    void aConflictingOrMissingEntryDiscardsTheWholeLog() {
        ReferenceNode n = follower(EnumSet.noneOf(Bug.class), 1, 2, 2);
        PersistentState disk = diskOf(1, 2, 2);
        send(n, SNAP, 1000, disk);
        assertEquals(2, n.log().lastIndex(), "the log is only the snapshot now");
        assertEquals(2, disk.log().lastIndex());
        assertEquals(1, disk.log().snapshotTerm());
    }

    @Test
    void theBugDiscardsMatchingEntriesToo() {
        ReferenceNode n = follower(EnumSet.of(Bug.INSTALL_DISCARDS_SUFFIX), 1, 1, 1, 1);
        PersistentState disk = diskOf(1, 1, 1, 1);
        send(n, SNAP, 1000, disk);
        assertEquals(2, n.log().lastIndex());
        assertEquals(2, disk.log().lastIndex(), "and so does its disk");
    }

    @Test
    void nothingIsInstalledUntilEveryChunkHasArrived() {
        ReferenceNode n = follower(EnumSet.noneOf(Bug.class), 1);
        byte[] data = SnapshotCodec.encode(SNAP);
        Effects fx = n.receive(new InstallSnapshot(1, 2, 1, 1, 2, 1, 8,
                java.util.Arrays.copyOfRange(data, 8, data.length), true));
        InstallSnapshotReply r = (InstallSnapshotReply) fx.messages().get(0);
        assertFalse(r.installed(), "the first 8 bytes are missing");
        assertEquals(0, r.received());
        assertEquals(0, n.log().snapshotIndex());
        fx = n.receive(new InstallSnapshot(1, 2, 1, 1, 2, 1, 0, java.util.Arrays.copyOfRange(data, 0, 8), false));
        assertTrue(((InstallSnapshotReply) fx.messages().get(0)).installed(), "the gap filled, in any order");
        assertEquals(SNAP.image(), n.stateMachine().view());
    }

    @Test
    void theCodecRoundTrips() {
        assertEquals(SNAP, SnapshotCodec.decode(2, 1, SnapshotCodec.encode(SNAP)));
    }
}
