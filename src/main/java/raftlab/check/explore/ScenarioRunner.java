package raftlab.check.explore;

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
 * the lab commands of {@link Scenario#commands()} make, in the same order, so the lab replays the same run.
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

    public static RunResult run(Scenario s) {
        Settings d = Settings.DEFAULT;
        Settings settings = new Settings(d.electionMin(), d.electionMax(), d.heartbeat(), s.noop(), d.maxBatch());
        Cluster c = new Cluster(new ClusterConfig(s.nodes(), s.seed(), settings, 1, 5));
        EventCounter counter = new EventCounter();
        c.addListener(counter);
        History history = new History();
        c.addListener(history);
        c.addListener(new SafetyMonitor(c));
        if (s.bug() != null) {
            c.bugs().add(s.bug());
        }
        try {
            if (s.clients() > 0) {
                new Workload(c, history, s.clients(), s.keys(), s.rate(), 0);
            }
            for (Scenario.Action a : s.actions()) {
                if (a.time() > c.now()) { // the lab's commands tick only when time must move
                    c.tick(a.time() - c.now());
                }
                apply(c, a);
            }
            if (s.time() > c.now()) {
                c.tick(s.time() - c.now());
            }
        } catch (SafetyBreach b) {
            return new RunResult(s, b.breach(), null, counter.events);
        } catch (OverBudget e) {
            return new RunResult(s, null, null, counter.events);
        }
        return new RunResult(s, null, LinearizabilityChecker.check(history.operations()), counter.events);
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
