package raftlab.raft;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * A configuration: the set of voter ids, and the majority rules over it. The core asks it which index a majority
 * has stored and whether an election is won; the safety monitor and the aimed faults ask it whether a set of nodes
 * is a majority. It is the one place that knows what a majority is, so that a configuration change (two majorities
 * during joint consensus) can later be a second implementation of the same questions.
 *
 * <p>Ids are any distinct positive ints, not necessarily 1..N: nodes may join and leave later.
 */
public final class Quorum {
    private final int[] voters;
    /**
     * Position by id ({@code -1} for none), when every id is below {@link #TABLE_LIMIT}; null otherwise. A leader
     * looks a voter's position up on every message it receives: the binary search was 2% of the deliveries benchmark.
     */
    private final byte[] positionById;
    private static final int TABLE_LIMIT = 128;

    private Quorum(int[] sortedDistinct) {
        this.voters = sortedDistinct;
        int max = sortedDistinct[sortedDistinct.length - 1];
        if (max < TABLE_LIMIT) {
            positionById = new byte[max + 1];
            Arrays.fill(positionById, (byte) -1);
            for (int i = 0; i < sortedDistinct.length; i++) {
                positionById[sortedDistinct[i]] = (byte) i;
            }
        } else {
            positionById = null;
        }
    }

    public static Quorum of(int... ids) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] <= 0 || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("voter ids must be distinct and positive: " + Arrays.toString(ids));
            }
        }
        if (sorted.length == 0) {
            throw new IllegalArgumentException("a configuration needs at least one voter");
        }
        return new Quorum(sorted);
    }

    public static Quorum of(Collection<Integer> ids) {
        return of(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The voter ids, ascending (a copy). */
    public int[] ids() {
        return voters.clone();
    }

    public int size() {
        return voters.length;
    }

    /** The position of {@code id} in {@link #ids()}, or -1 if it is not a voter. */
    public int indexOf(int id) {
        if (positionById != null) {
            return id >= 0 && id < positionById.length ? positionById[id] : -1;
        }
        int i = Arrays.binarySearch(voters, id);
        return i >= 0 ? i : -1;
    }

    public boolean contains(int id) {
        return indexOf(id) >= 0;
    }

    /** The voter at a position of {@link #ids()}. */
    public int idAt(int position) {
        return voters[position];
    }

    /** How many voters make a majority: more than half. */
    public int majority() {
        return voters.length / 2 + 1;
    }

    /** Whether the voters for which {@code member} holds are a majority. */
    public boolean hasMajority(IntPredicate member) {
        int n = 0;
        for (int v : voters) {
            if (member.test(v)) {
                n++;
            }
        }
        return n >= majority();
    }

    /**
     * The highest index that a majority of voters have acknowledged, given each voter's acknowledged index: sorted
     * descending, the value at position majority - 1 (at least that many voters have it or more).
     */
    public long committedIndex(IntToLongFunction acked) {
        long[] idx = new long[voters.length];
        for (int i = 0; i < voters.length; i++) {
            idx[i] = acked.applyAsLong(voters[i]);
        }
        Arrays.sort(idx);
        return idx[voters.length - majority()];
    }

    /**
     * The same as {@link #committedIndex(IntToLongFunction)}, for a caller that keeps one acknowledged index per
     * voter in the order of {@link #ids()}: {@code ackedByPosition} is sorted in place (a scratch array), so the hot
     * path of a leader allocates nothing.
     */
    public long committedIndexInPlace(long[] ackedByPosition) {
        long[] a = ackedByPosition;
        // An insertion sort: a handful of voters, called on every acknowledgement; Arrays.sort's dispatch cost more.
        for (int i = 1; i < a.length; i++) {
            long x = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
        return a[voters.length - majority()];
    }

    /** The outcome of an election given who granted and who refused so far. */
    public VoteResult voteResult(IntPredicate granted, IntPredicate refused) {
        int yes = 0;
        int no = 0;
        for (int v : voters) {
            if (granted.test(v)) {
                yes++;
            } else if (refused.test(v)) {
                no++;
            }
        }
        if (yes >= majority()) {
            return VoteResult.WON;
        }
        return no >= majority() ? VoteResult.LOST : VoteResult.PENDING;
    }

    @Override
    public String toString() {
        return Arrays.toString(voters);
    }

    /** What an election's votes add up to so far. */
    public enum VoteResult {
        WON, LOST, PENDING
    }
}
