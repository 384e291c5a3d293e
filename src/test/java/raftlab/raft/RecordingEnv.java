package raftlab.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Records what a node's steps returned: messages sent, timer requests, events, client replies and disk writes. It is
 * also the node's random source: its numbers come from a script (or a fixed value), so a test knows exactly which
 * timeout a node picks.
 */
final class RecordingEnv implements RandomSource {
    final List<Message> sent = new ArrayList<>();
    final List<NodeEvent> events = new ArrayList<>();
    final List<ClientReply> replies = new ArrayList<>();
    /** Every disk write, in order. */
    final List<DiskWrite> writes = new ArrayList<>();
    /** Every delay the node armed its election timer with, in order: its size counts the resets. */
    final List<Long> electionArms = new ArrayList<>();
    final List<Long> heartbeatArms = new ArrayList<>();
    /** Lease timer armings (PreVote, CheckQuorum), in ms. */
    final List<Long> leaseArms = new ArrayList<>();
    /** Bounds the node asked randomInt for. */
    final List<Integer> randomBounds = new ArrayList<>();
    boolean electionArmed;
    boolean heartbeatArmed;
    int electionCancels;
    int heartbeatCancels;

    private final Deque<Integer> scriptedRandom = new ArrayDeque<>();
    /** Returned by randomInt when the script is empty (clamped below the bound). */
    int fixedRandom;

    /** The next randomInt calls return these values, in order. */
    RecordingEnv willDraw(int... values) {
        for (int v : values) {
            scriptedRandom.add(v);
        }
        return this;
    }

    /** Records one step's batch. */
    void absorb(Effects fx) {
        if (fx.persist() != null) {
            writes.add(fx.persist());
        }
        events.addAll(fx.events());
        for (TimerRequest t : fx.timers()) {
            switch (t.timer()) {
                case ELECTION -> {
                    if (t.arm()) {
                        setElectionTimer(t.delayMs());
                    } else {
                        cancelElectionTimer();
                    }
                }
                case HEARTBEAT -> {
                    if (t.arm()) {
                        setHeartbeatTimer(t.delayMs());
                    } else {
                        cancelHeartbeatTimer();
                    }
                }
                case LEASE -> leaseArms.add(t.delayMs());
            }
        }
        sent.addAll(fx.messages());
        replies.addAll(fx.replies());
    }

    private void setElectionTimer(long delayMs) {
        electionArms.add(delayMs);
        electionArmed = true;
    }

    private void cancelElectionTimer() {
        electionCancels++;
        electionArmed = false;
    }

    private void setHeartbeatTimer(long delayMs) {
        heartbeatArms.add(delayMs);
        heartbeatArmed = true;
    }

    private void cancelHeartbeatTimer() {
        heartbeatCancels++;
        heartbeatArmed = false;
    }

    @Override
    public int nextInt(int bound) {
        randomBounds.add(bound);
        int v = scriptedRandom.isEmpty() ? Math.min(fixedRandom, bound - 1) : scriptedRandom.poll();
        if (v < 0 || v >= bound) {
            throw new AssertionError("scripted random " + v + " outside [0, " + bound + ")");
        }
        return v;
    }


    /** Messages of a type sent so far. */
    <T extends Message> List<T> sentOf(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Message m : sent) {
            if (type.isInstance(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }

    /** The one message of a type sent so far; fails if there is not exactly one. */
    <T extends Message> T only(Class<T> type) {
        List<T> all = sentOf(type);
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + ", got " + all);
        }
        return all.get(0);
    }

    /** Events of a kind so far. */
    List<NodeEvent> eventsOf(EventKind kind) {
        List<NodeEvent> out = new ArrayList<>();
        for (NodeEvent e : events) {
            if (e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    /** Forgets everything recorded so far (not the random script), so a test can look at one step alone. */
    void clear() {
        sent.clear();
        events.clear();
        replies.clear();
        writes.clear();
        electionArms.clear();
        heartbeatArms.clear();
        leaseArms.clear();
        randomBounds.clear();
        electionCancels = 0;
        heartbeatCancels = 0;
    }
}
