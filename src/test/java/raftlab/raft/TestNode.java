package raftlab.raft;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * One RaftNode under test with its disk, its recording environment and its live bug set, plus the little
 * builders the tests use to put it into a known state by hand (term, vote, log) and to make messages.
 */
final class TestNode {
    static final Settings SETTINGS = new Settings(150, 300, 50, true, 64);

    final int id;
    final int[] members;
    final Quorum voters;
    final Settings settings;
    final EnumSet<Bug> bugs;
    final PersistentState disk;
    final RecordingEnv env = new RecordingEnv();
    /** The node under test, stepped through a wrapper that records each batch in {@link #env}. */
    Stepper node;

    TestNode(int id, int size, Settings settings, EnumSet<Bug> bugs, PersistentState disk) {
        this.id = id;
        this.members = new int[size];
        for (int i = 0; i < size; i++) {
            members[i] = i + 1;
        }
        this.voters = Quorum.of(members);
        this.settings = settings;
        this.bugs = bugs;
        this.disk = disk;
        rebuild();
    }

    /** A fresh node over the disk as it is now: how the builders below take effect (a node copies its disk). */
    private void rebuild() {
        this.node = new Stepper(new ReferenceNode(new NodeSetup(id, voters, settings, bugs, disk, env, new KvStore())),
                env, disk);
    }

    /** Node {@code id} of a {@code size}-node cluster, default settings, no bugs, empty disk. */
    static TestNode of(int id, int size) {
        return new TestNode(id, size, SETTINGS, EnumSet.noneOf(Bug.class), new PersistentState());
    }

    static TestNode of(int id, int size, Settings settings) {
        return new TestNode(id, size, settings, EnumSet.noneOf(Bug.class), new PersistentState());
    }

    /** A new incarnation over the same disk and bug set: what a restart does. */
    TestNode restarted() {
        TestNode r = new TestNode(id, members.length, settings, bugs, disk);
        r.node.start();
        return r;
    }

    TestNode term(long t) {
        disk.currentTerm = t;
        rebuild();
        return this;
    }

    TestNode voted(int candidate) {
        disk.votedFor = candidate;
        rebuild();
        return this;
    }

    /** Appends one entry per given term, each a put of a key naming its index. */
    TestNode log(long... terms) {
        for (long t : terms) {
            long index = disk.log.lastIndex() + 1;
            disk.log.append(entry(t, index));
        }
        rebuild();
        return this;
    }

    /** Makes this node leader of term {@code t} (it must be at term t-1): it times out and gets the votes. */
    TestNode lead(long t) {
        if (disk.currentTerm != t - 1) {
            throw new IllegalStateException("set term " + (t - 1) + " first");
        }
        node.electionTimeout();
        for (int m : members) {
            if (m != id && node.role() != Role.LEADER) {
                node.receive(new RequestVoteReply(m, id, t, true));
            }
        }
        if (node.role() != Role.LEADER) {
            throw new IllegalStateException("did not win");
        }
        return this;
    }

    long[] logTerms() {
        long[] out = new long[(int) disk.log.lastIndex()];
        for (int i = 0; i < out.length; i++) {
            out[i] = disk.log.termAt(i + 1);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ message builders

    static Entry entry(long term, long index) {
        return new Entry(term, new Command(CommandKind.PUT, "k" + index, "t" + term, 0));
    }

    /** Entries with the given terms, as they would sit from index {@code firstIndex}. */
    static List<Entry> entries(long firstIndex, long... terms) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            out.add(entry(terms[i], firstIndex + i));
        }
        return out;
    }

    static AppendEntries ae(int from, int to, long term, long prev, long prevTerm, List<Entry> entries, long commit) {
        return new AppendEntries(from, to, term, prev, prevTerm, entries, commit);
    }

    static AppendEntries heartbeat(int from, int to, long term, long prev, long prevTerm, long commit) {
        return new AppendEntries(from, to, term, prev, prevTerm, List.of(), commit);
    }

    static RequestVote rv(int from, int to, long term, long lastIndex, long lastTerm) {
        return new RequestVote(from, to, term, lastIndex, lastTerm);
    }
}
