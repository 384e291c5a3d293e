package raftlab.check.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import raftlab.raft.Bug;

/**
 * One exploration run, fully described: the cluster (size, seed, no-op), the bug switched on (or null), the client
 * load, how long it runs, and its faults. A pure value: running it twice gives the same run, and it can be written
 * out as lab commands that reproduce the run in the lab.
 */
public record Scenario(long seed, int nodes, long time, int clients, int keys, double rate, boolean noop, Bug bug,
                       Timing timing, List<Fault> faults) {
    /** Faults by start time (a stable sort keeps same-time faults in their order). */
    static final Comparator<Fault> BY_START = Comparator.comparingLong(Fault::at);
    private static final Comparator<Action> BY_TIME = Comparator.comparingLong(Action::time);

    public Scenario {
        faults = List.copyOf(faults);
    }

    public Scenario withFaults(List<Fault> f) {
        return new Scenario(seed, nodes, time, clients, keys, rate, noop, bug, timing, f);
    }

    public Scenario withTime(long t) {
        return new Scenario(seed, nodes, t, clients, keys, rate, noop, bug, timing, faults);
    }

    public Scenario withClients(int c) {
        return new Scenario(seed, nodes, time, c, keys, rate, noop, bug, timing, faults);
    }

    /** A fault's start or end, at a virtual time. */
    public record Action(long time, Fault fault, boolean start) {
        /** The lab command, on a cluster of the given timing. */
        public String command(Timing timing) {
            return start ? fault.startCommand() : fault.endCommand(timing);
        }

        /** Does it to the cluster, as {@link #command} does in the lab. */
        void apply(raftlab.sim.Cluster c, Timing timing) {
            if (start) {
                fault.kind().start(c, fault.arg());
            } else {
                fault.kind().end(c, fault.arg(), timing);
            }
        }
    }

    /**
     * The faults' starts and ends in time order, before the run ends. A crash of a node that another crash holds
     * down at that moment is left out (with its restart), so every action is valid when it runs. Aimed faults are
     * not actions: {@link ScenarioRunner} turns the ones that fire into concrete faults.
     */
    public List<Action> actions() {
        List<Fault> sorted = faults; // usually in start order already (the runner asks for this at every fired fault)
        for (int i = 1; i < faults.size(); i++) {
            if (faults.get(i - 1).at() > faults.get(i).at()) {
                sorted = new ArrayList<>(faults);
                sorted.sort(BY_START);
                break;
            }
        }
        long[] downUntil = new long[nodes + 1];
        List<Action> out = new ArrayList<>(2 * faults.size());
        for (Fault f : sorted) {
            if (f.at() >= time || f.kind().aimed()) {
                continue;
            }
            int id = f.kind().heldDown(f.arg());
            if (id != 0) {
                if (f.at() <= downUntil[id]) {
                    continue;
                }
                downUntil[id] = f.end();
            }
            out.add(new Action(f.at(), f, true));
            if (f.end() < time && !f.kind().instant()) {
                out.add(new Action(f.end(), f, false));
            }
        }
        // Stable: same-time actions keep the order above (starts in fault order, each end after its start).
        return inTimeOrder(out);
    }

    /**
     * What {@link #actions()} gives once {@code f} is added to the faults, after every fault that starts by its
     * start, from {@code current}, the actions before (for a run that ends at {@code time}): f's start and end put
     * where the sort would put them, instead of sorting everything again (the runner does this at every fired fault).
     * Null for a fault that holds a node down, which may leave out later ones: then only {@link #actions()} can say.
     */
    static List<Action> actionsWith(List<Action> current, Fault f, long time) {
        if (f.kind().aimed() || f.at() >= time || f.length() < 0 || f.kind().heldDown(f.arg()) != 0) {
            return null;
        }
        // The faults starting by f's start come before it in the sorted faults, and so do their actions among
        // same-time ones (the sort is stable); every other action is later than f's start.
        long t = f.at();
        int n = current.size();
        int startAt = 0;
        while (startAt < n && current.get(startAt).time() <= t) {
            startAt++;
        }
        boolean withEnd = f.end() < time && !f.kind().instant();
        int endAt = startAt;
        if (withEnd) {
            long e = f.end();
            while (endAt < n && (current.get(endAt).time() < e
                    || current.get(endAt).time() == e && current.get(endAt).fault().at() <= t)) {
                endAt++;
            }
        }
        List<Action> out = new ArrayList<>(n + 2);
        out.addAll(current.subList(0, startAt));
        out.add(new Action(t, f, true));
        out.addAll(current.subList(startAt, endAt));
        if (withEnd) {
            out.add(new Action(f.end(), f, false));
        }
        out.addAll(current.subList(endAt, n));
        return out;
    }

    /** Bits of a packed (time, position) key that hold the position. */
    private static final int POSITION_BITS = 21;

    /**
     * {@code out} stably sorted by time, as {@code out.sort(BY_TIME)} sorts it: by (time, position) keys packed into
     * longs, which sort without a comparator call per comparison.
     */
    private static List<Action> inTimeOrder(List<Action> out) {
        int n = out.size();
        if (n >= 1 << POSITION_BITS) {
            out.sort(BY_TIME);
            return out;
        }
        long[] keys = new long[n];
        boolean ordered = true;
        for (int i = 0; i < n; i++) {
            long t = out.get(i).time();
            if (t < 0 || t >= 1L << (63 - POSITION_BITS)) {
                out.sort(BY_TIME);
                return out;
            }
            keys[i] = t << POSITION_BITS | i;
            ordered &= i == 0 || keys[i - 1] < keys[i];
        }
        if (ordered) {
            return out;
        }
        java.util.Arrays.sort(keys);
        List<Action> in = new ArrayList<>(n);
        for (long k : keys) {
            in.add(out.get((int) (k & ((1 << POSITION_BITS) - 1))));
        }
        return in;
    }

    /** The lab commands that replay this run: make the cluster, switch the bug, start clients, then the faults. */
    public List<String> commands() {
        List<String> out = new ArrayList<>();
        out.add("cluster " + nodes + " --seed " + seed + timing.clusterOptions() + (noop ? "" : " --noop off"));
        if (bug != null) {
            out.add("bug " + bug.label + " on");
        }
        if (clients > 0) {
            out.add("clients " + clients + " --keys " + keys + " --rate " + number(rate));
        }
        long now = 0;
        for (Action a : actions()) {
            if (a.time() > now) {
                out.add("tick " + (a.time() - now));
                now = a.time();
            }
            out.add(a.command(timing));
        }
        if (time > now) {
            out.add("tick " + (time - now));
        }
        out.addAll(Liveness.commands(downAtEnd(), timing.latency(), clients > 0, Liveness.bound(timing.electionMax())));
        return out;
    }

    /** The nodes a crash holds down when the schedule ends, ascending. */
    public List<Integer> downAtEnd() {
        java.util.TreeSet<Integer> down = new java.util.TreeSet<>();
        for (Action a : actions()) {
            int id = a.fault().kind().heldDown(a.fault().arg());
            if (id != 0) {
                if (a.start()) {
                    down.add(id);
                } else {
                    down.remove(id);
                }
            }
        }
        return new ArrayList<>(down);
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
