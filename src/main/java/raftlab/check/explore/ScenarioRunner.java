package raftlab.check.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import raftlab.check.History;
import raftlab.check.SafetyBreach;
import raftlab.check.SafetyMonitor;
import raftlab.check.Workload;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.raft.Settings;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.Network;

/**
 * Runs a scenario with the safety monitor on and checks the client history at the end. It makes exactly the calls
 * the lab commands of the result's {@link Scenario#commands()} make, in the same order, so the lab replays the same
 * run.
 */
public final class ScenarioRunner {
    /**
     * Events one run may process. A healthy 10-second run takes well under 20,000; some bugs (truncate-on-stale-append
     * with duplication) set off message storms that grow without end, and such a run is stopped and reported as such.
     */
    public static final long MAX_EVENTS = 300_000;

    private ScenarioRunner() {
    }

    /** Thrown by the event counter to stop a run that went over {@link #MAX_EVENTS}. */
    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("over the event budget", null, false, false);
        }
    }

    /**
     * Runs {@code s}. The result's scenario is {@code s} with its aimed faults replaced by the concrete faults they
     * became (those that never fired are left out), so its {@link Scenario#commands()} replay this very run.
     */
    public static RunResult run(Scenario s) {
        Settings d = Settings.DEFAULT;
        Settings settings = new Settings(d.electionMin(), d.electionMax(), d.heartbeat(), s.noop(), d.maxBatch())
                .withSnapshots(s.snapshotEvery(), d.snapshotChunk());
        Cluster c = new Cluster(new ClusterConfig(s.nodes(), s.seed(), settings, 1, 5, s.syncMs()));
        EventCounter counter = new EventCounter();
        c.addListener(counter);
        History history = new History();
        c.addListener(history);
        c.addListener(new SafetyMonitor(c));
        if (s.bug() != null) {
            c.bugs().add(s.bug());
        }
        Course course = new Course(s, c);
        try {
            if (s.clients() > 0) {
                new Workload(c, history, s.clients(), s.keys(), s.rate(), 0);
            }
            course.run();
        } catch (SafetyBreach b) {
            return new RunResult(course.concrete(), b.breach(), null, counter.events);
        } catch (OverBudget e) {
            return new RunResult(course.concrete(), null, null, counter.events);
        }
        return new RunResult(course.concrete(), null, LinearizabilityChecker.check(history.operations()),
                counter.events);
    }

    /**
     * One run's way through its schedule: the concrete faults' actions at their times, as the lab's {@code tick}
     * and fault commands would do them, and the aimed faults, armed one after another, each fired at the end of
     * the millisecond where its moment came. A fired fault is placed after every fault that starts by then, so
     * {@link Scenario#actions()} of the concrete schedule lists its start right after all that was already done:
     * the concrete schedule replays the run exactly.
     */
    private static final class Course {
        private final Scenario scenario;
        private final Cluster c;
        private final List<Fault> faults = new ArrayList<>();
        private final List<Fault> aimed = new ArrayList<>();
        private final Targeting targeting;
        private List<Scenario.Action> actions;
        private int done;
        private int nextAimed;
        /** When the next aimed fault is armed (or was), and when it gives up. */
        private long armAt;

        Course(Scenario s, Cluster c) {
            this.scenario = s;
            this.c = c;
            for (Fault f : s.faults()) {
                (f.kind().aimed() ? aimed : faults).add(f);
            }
            aimed.sort(Comparator.comparingLong(Fault::at));
            actions = s.withFaults(faults).actions();
            targeting = aimed.isEmpty() ? null : new Targeting(c);
            if (targeting != null) {
                c.addListener(targeting);
                armAt = aimed.get(0).at();
            }
        }

        Scenario concrete() {
            return scenario.withFaults(faults);
        }

        void run() {
            while (true) {
                long now = c.now();
                while (done < actions.size() && actions.get(done).time() <= now) {
                    apply(c, actions.get(done++));
                }
                if (targeting != null) {
                    aim(now);
                    if (done < actions.size() && actions.get(done).time() <= now) {
                        continue; // a fired fault may end right away (a reboot): that is due now too
                    }
                }
                long next = scenario.time();
                if (done < actions.size()) {
                    next = Math.min(next, actions.get(done).time());
                }
                if (nextAimed < aimed.size()) {
                    next = Math.min(next, targeting.armed() ? armAt + Targeting.WINDOW + 1 : armAt);
                }
                if (next <= now) {
                    break; // the end of the run (actions never fall at or after it)
                }
                advance(next);
            }
        }

        /** Arms, fires or gives up aimed faults at this millisecond boundary. */
        private void aim(long now) {
            while (nextAimed < aimed.size() && now >= armAt && armAt < scenario.time()) {
                Fault f = aimed.get(nextAimed);
                if (!targeting.armed()) {
                    targeting.arm(f.kind());
                }
                Fault fired = targeting.flagged() ? targeting.fire(f.length()) : null;
                if (fired != null && place(fired)) {
                    apply(c, actions.get(done++));
                } else if (now <= armAt + Targeting.WINDOW) {
                    return; // stays armed
                }
                // Fired or given up: the next one is armed no earlier than its time and the next millisecond.
                targeting.disarm();
                nextAimed++;
                if (nextAimed < aimed.size()) {
                    armAt = Math.max(aimed.get(nextAimed).at(), now + 1);
                }
            }
        }

        /**
         * Adds a fired fault to the concrete schedule if its start is the next action there (a crash of a node the
         * schedule holds down is left out by {@link Scenario#actions()}, so such a fault is not placed).
         */
        private boolean place(Fault fired) {
            List<Fault> with = new ArrayList<>(faults);
            with.add(fired);
            with.sort(Comparator.comparingLong(Fault::at)); // stable: after every fault starting by now
            List<Scenario.Action> next = scenario.withFaults(with).actions();
            if (done >= next.size() || next.get(done).fault() != fired || !next.get(done).start()) {
                return false;
            }
            faults.clear();
            faults.addAll(with);
            actions = next;
            return true;
        }

        /**
         * Moves the clock to {@code target} as {@code tick} does, but if an armed fault's moment may have come,
         * stops at the end of that millisecond instead (ticking there and then on to the target is the same run).
         */
        private void advance(long target) {
            if (targeting == null || !targeting.armed()) {
                c.tick(target - c.now());
                return;
            }
            while (c.stepUntil(target)) {
                if (targeting.flagged()) {
                    long ms = c.now();
                    while (c.stepUntil(ms)) {
                        // the rest of this millisecond
                    }
                    return;
                }
            }
            c.tick(target - c.now());
        }
    }

    private static void apply(Cluster c, Scenario.Action a) {
        Fault f = a.fault();
        Network net = c.network();
        switch (f.kind()) {
            case PARTITION:
                if (a.start()) {
                    net.partition(groups(f.arg(), c.size()));
                } else {
                    net.heal();
                }
                return;
            case CRASH:
                int id = Integer.parseInt(f.arg());
                if (a.start()) {
                    c.crash(id);
                } else {
                    c.restart(id);
                }
                return;
            case POWER_LOSS:
                int node = Integer.parseInt(f.arg());
                if (a.start()) {
                    c.powerLoss(node);
                } else {
                    c.restart(node);
                }
                return;
            case COMPACT:
                int n = Integer.parseInt(f.arg());
                // As the snapshot command: only a live node with something applied since its last snapshot.
                if (c.isUp(n) && c.node(n).lastApplied() > c.node(n).log().snapshotIndex()) {
                    c.compact(n);
                }
                return;
            case LOSS:
                net.setLoss(0, 0, a.start() ? Double.parseDouble(f.arg()) : 0);
                return;
            case REORDER:
                String range = a.start() ? f.arg() : Scenario.NORMAL_LATENCY;
                String[] mm = range.split("\\.\\.");
                net.setLatency(Long.parseLong(mm[0]), Long.parseLong(mm[1]));
                return;
            default:
                net.setDupe(a.start() ? Double.parseDouble(f.arg()) : 0);
        }
    }

    /** "1,3 2,4,5" as the group number of each node, as {@code partition} builds it. */
    static int[] groups(String arg, int size) {
        int[] group = new int[size + 1];
        String[] parts = arg.split(" ");
        for (int g = 0; g < parts.length; g++) {
            for (String id : parts[g].split(",")) {
                group[Integer.parseInt(id)] = g + 1;
            }
        }
        return group;
    }

    /** Counts processed events, for the speed figures. */
    private static final class EventCounter implements raftlab.sim.SimListener {
        long events;

        @Override
        public void afterEvent(Cluster cluster) {
            if (++events > MAX_EVENTS) {
                throw new OverBudget();
            }
        }
    }
}
