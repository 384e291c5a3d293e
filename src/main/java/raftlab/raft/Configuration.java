package raftlab.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * A cluster configuration (the dissertation's chapter 4): who votes, who only receives the log (learners, the
 * dissertation's non-voting members), and during joint consensus the voters of the configuration being left. Every
 * decision that needs a majority (an election, a commit, CheckQuorum) asks it; in joint mode it needs a majority of
 * the old voters AND a majority of the new ones, and a result is lost as soon as either side has lost it. Immutable.
 *
 * <p>It travels in the log as the value of a {@link CommandKind#CONFIG} command, written by {@link #format} and read
 * back by {@link #parse}, so the {@code log} view shows it as it is: {@code voters 1,2,3 learners 4}, or
 * {@code joint 1,2,3 -> 1,2,6,7}.
 */
public final class Configuration {
    private final Quorum incoming;
    /** The voters being left during joint consensus; null otherwise. */
    private final Quorum outgoing;
    private final int[] learners;

    private Configuration(Quorum incoming, Quorum outgoing, int[] learners) {
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.learners = learners;
        for (int l : learners) {
            if (isVoter(l)) {
                throw new IllegalArgumentException("n" + l + " cannot be both a voter and a learner");
            }
        }
    }

    /** A plain configuration: these voters, no learners. */
    public static Configuration of(Quorum voters) {
        return new Configuration(voters, null, new int[0]);
    }

    public static Configuration of(Quorum voters, int... learners) {
        return new Configuration(voters, null, sorted(learners));
    }

    /** The joint configuration C_old,new, with the learners of the new one. */
    public static Configuration joint(Quorum old, Quorum next, int... learners) {
        return new Configuration(next, old, sorted(learners));
    }

    private static int[] sorted(int[] ids) {
        int[] s = ids.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length; i++) {
            if (s[i] <= 0 || (i > 0 && s[i] == s[i - 1])) {
                throw new IllegalArgumentException("ids must be distinct and positive: " + Arrays.toString(ids));
            }
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- who

    /** The voters of the configuration being entered (in joint mode, C_new). */
    public Quorum voters() {
        return incoming;
    }

    /** In joint mode the voters being left (C_old); null otherwise. */
    public Quorum oldVoters() {
        return outgoing;
    }

    public boolean joint() {
        return outgoing != null;
    }

    /** The learners, ascending (a copy). */
    public int[] learners() {
        return learners.clone();
    }

    /** Whether {@code id} votes: in the voters, or in joint mode in either set of voters. */
    public boolean isVoter(int id) {
        return incoming.contains(id) || (outgoing != null && outgoing.contains(id));
    }

    public boolean isLearner(int id) {
        return Arrays.binarySearch(learners, id) >= 0;
    }

    /** Whether {@code id} is in the configuration at all: a voter of either side, or a learner. */
    public boolean contains(int id) {
        return isVoter(id) || isLearner(id);
    }

    /** Every id in it (voters of both sides, learners), ascending: the nodes a leader replicates to. */
    public int[] members() {
        if (outgoing == null && learners.length == 0) {
            return incoming.ids(); // the usual case, already ascending and distinct (and a copy): no set to build
        }
        TreeSet<Integer> all = new TreeSet<>();
        for (int v : incoming.ids()) {
            all.add(v);
        }
        if (outgoing != null) {
            for (int v : outgoing.ids()) {
                all.add(v);
            }
        }
        for (int l : learners) {
            all.add(l);
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every voter of either side, ascending: who is asked for votes. */
    public int[] allVoters() {
        if (outgoing == null) {
            return incoming.ids();
        }
        TreeSet<Integer> all = new TreeSet<>();
        for (int v : incoming.ids()) {
            all.add(v);
        }
        for (int v : outgoing.ids()) {
            all.add(v);
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---------------------------------------------------------------------------------------------- majorities

    /** Whether the nodes for which {@code member} holds are a majority (of both sides, in joint mode). */
    public boolean hasMajority(IntPredicate member) {
        return incoming.hasMajority(member) && (outgoing == null || outgoing.hasMajority(member));
    }

    /** The highest index a majority has acknowledged: in joint mode, the lower of the two sides' answers. */
    public long committedIndex(IntToLongFunction acked) {
        long n = incoming.committedIndex(acked);
        return outgoing == null ? n : Math.min(n, outgoing.committedIndex(acked));
    }

    /** An election's outcome so far: won only when both sides are won, lost as soon as one side is lost. */
    public Quorum.VoteResult voteResult(IntPredicate granted, IntPredicate refused) {
        Quorum.VoteResult a = incoming.voteResult(granted, refused);
        if (outgoing == null) {
            return a;
        }
        Quorum.VoteResult b = outgoing.voteResult(granted, refused);
        if (a == Quorum.VoteResult.LOST || b == Quorum.VoteResult.LOST) {
            return Quorum.VoteResult.LOST;
        }
        return a == Quorum.VoteResult.WON && b == Quorum.VoteResult.WON ? Quorum.VoteResult.WON
                : Quorum.VoteResult.PENDING;
    }

    // ---------------------------------------------------------------------------------------------- text

    /** {@code voters 1,2,3}, {@code voters 1,2,3 learners 4}, {@code joint 1,2,3 -> 1,2,6,7}. */
    public String format() {
        String s = outgoing == null ? "voters " + ids(incoming.ids())
                : "joint " + ids(outgoing.ids()) + " -> " + ids(incoming.ids());
        return learners.length == 0 ? s : s + " learners " + ids(learners);
    }

    /** Reads what {@link #format} wrote; throws IllegalArgumentException naming what is wrong. */
    public static Configuration parse(String text) {
        String[] w = text.trim().split(" +");
        int[] learners = new int[0];
        int end = w.length;
        if (end >= 2 && w[end - 2].equals("learners")) {
            learners = parseIds(w[end - 1]);
            end -= 2;
        }
        if (end == 2 && w[0].equals("voters")) {
            return of(Quorum.of(parseIds(w[1])), learners);
        }
        if (end == 4 && w[0].equals("joint") && w[2].equals("->")) {
            return joint(Quorum.of(parseIds(w[1])), Quorum.of(parseIds(w[3])), learners);
        }
        throw new IllegalArgumentException("not a configuration: '" + text
                + "' (expected 'voters 1,2,3 [learners 4]' or 'joint 1,2,3 -> 1,2,4 [learners 5]')");
    }

    /** {@code 1,2,3} as ids; throws IllegalArgumentException on anything else. */
    public static int[] parseIds(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a node id");
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static String ids(int[] ids) {
        StringBuilder b = new StringBuilder();
        for (int id : ids) {
            b.append(b.length() == 0 ? "" : ",").append(id);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && format().equals(c.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
