package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import raftlab.check.History;
import raftlab.check.SafetyBreach;
import raftlab.check.SafetyMonitor;
import raftlab.check.Workload;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.raft.NodeFactory;
import raftlab.raft.Settings;
import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;
import raftlab.sim.NodeFailure;
import raftlab.sim.OverBudget;

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

    /**
     * Runs {@code s}: its schedule, then the liveness phase ({@link Liveness}). The result's scenario is {@code s}
     * with its aimed faults replaced by the concrete faults they became (those that never fired are left out), so
     * its {@link Scenario#commands()} replay this very run.
     */
    public static RunResult run(Scenario s) {
        return run(s, c -> { }, MAX_EVENTS);
    }

    /**
     * As {@link #run(Scenario)}, on nodes made by {@code factory}. A failure of the implementation itself (a
     * {@link NodeFailure}) is not a result: it stops the exploration, with the seed that shows it.
     */
    public static RunResult runOn(Scenario s, NodeFactory factory) {
        return run(s, factory, c -> { }, MAX_EVENTS);
    }

    static RunResult run(Scenario s, Consumer<Cluster> afterRepair) {
        return run(s, afterRepair, MAX_EVENTS);
    }

    /**
     * As {@link #run(Scenario)}, with {@code afterRepair} applied to the cluster when the liveness phase begins, and
     * a run stopped after {@code maxEvents} events.
     */
    static RunResult run(Scenario s, Consumer<Cluster> afterRepair, long maxEvents) {
        return run(s, NodeFactory.reference(), afterRepair, maxEvents);
    }

    static RunResult run(Scenario s, NodeFactory factory, Consumer<Cluster> afterRepair, long maxEvents) {
        try {
            return runWith(s, factory, afterRepair, maxEvents);
        } catch (NodeFailure f) {
            throw f.within("seed " + s.seed());
        }
    }

    private static RunResult runWith(Scenario s, NodeFactory factory, Consumer<Cluster> afterRepair,
                                     long maxEvents) {
        Timing t = s.timing();
        Settings settings = t.settings(s.noop());
        Cluster c = new Cluster(new ClusterConfig(s.nodes(), s.seed(), settings, t.latencyMin(), t.latencyMax(),
                t.syncMs()), factory);
        c.limitEvents(maxEvents);
        History history = new History();
        c.addListener(history);
        c.addListener(new SafetyMonitor(c));
        if (s.bug() != null) {
            c.bugs().add(s.bug());
        }
        Course course = new Course(s, c);
        String stuck;
        try {
            Workload clients = s.clients() > 0 ? new Workload(c, history, s.clients(), s.keys(), s.rate(), 0) : null;
            course.run();
            Liveness.repair(c, t);
            afterRepair.accept(c);
            if (clients != null) {
                clients.drain();
            }
            stuck = Liveness.settle(c, clients, Liveness.bound(settings.electionMax()), s.noop());
        } catch (SafetyBreach b) {
            return new RunResult(course.concrete(), b.breach(), null, null, c.events());
        } catch (OverBudget e) {
            return new RunResult(course.concrete(), null, null, null, c.events());
        }
        return new RunResult(course.concrete(), null, LinearizabilityChecker.check(history.operations()), stuck,
                c.events());
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
            aimed.sort(Scenario.BY_START);
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
                    actions.get(done++).apply(c, scenario.timing());
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
                    targeting.arm(f.kind(), f.arg());
                }
                Fired fired = targeting.flagged() ? targeting.fire(f.length()) : null;
                if (fired != null && place(fired.faults())) {
                    for (int k = 0; k < fired.faults().size(); k++) {
                        actions.get(done++).apply(c, scenario.timing());
                    }
                    if (fired.then() != null) {
                        // A fault in steps: the same one stays armed for its next step, with a window of its own.
                        targeting.arm(f.kind(), fired.then());
                        armAt = now;
                        return;
                    }
                    if (followUp(f, fired.faults())) {
                        armAt = now; // its next step waits, armed, for its own moment
                        return;
                    }
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
         * An aimed kind of several steps tried one after another ({@link FaultKind#followUp}): each next one is tried
         * at once, in the same millisecond; one that does not fire then is given up, unless the kind says it waits for
         * a moment of its own: then it stays armed and this returns true. (A kind whose {@link Fired} names its next
         * step, as {@code stale-leader} does, always waits for it instead.)
         */
        private boolean followUp(Fault aimedFault, List<Fault> fired) {
            FaultKind kind = aimedFault.kind();
            String next = kind.followUp(targeting.armedArg(), last(fired));
            while (next != null) {
                targeting.arm(kind, next);
                Fired step = targeting.fire(aimedFault.length());
                if (step == null || !place(step.faults())) {
                    return kind.waits(next);
                }
                for (int k = 0; k < step.faults().size(); k++) {
                    actions.get(done++).apply(c, scenario.timing());
                }
                next = kind.followUp(next, last(step.faults()));
            }
            return false;
        }

        private static Fault last(List<Fault> faults) {
            return faults.isEmpty() ? null : faults.get(faults.size() - 1);
        }

        /**
         * Adds fired faults to the concrete schedule if their starts are the next actions there, in their order (a
         * crash of a node the schedule holds down is left out by {@link Scenario#actions()}, so such a fault is not
         * placed). None at all (a step that only marks the time) is placed trivially.
         */
        private boolean place(List<Fault> fired) {
            List<Fault> with = withFired(faults, fired); // stable: after every fault starting by now
            List<Scenario.Action> next = fired.size() == 1
                    ? Scenario.actionsWith(actions, fired.get(0), scenario.time()) : null;
            if (next == null) {
                next = scenario.withFaults(with).actions();
            }
            for (int k = 0; k < fired.size(); k++) {
                int at = done + k;
                if (at >= next.size() || next.get(at).fault() != fired.get(k) || !next.get(at).start()) {
                    return false;
                }
            }
            faults.clear();
            faults.addAll(with);
            actions = next;
            return true;
        }

        /**
         * {@code faults} and then {@code fired}, stably sorted by start: a merge when {@code faults} is sorted already
         * (as it is once one fault was placed), which is what the stable sort of the two lists together gives.
         */
        private static List<Fault> withFired(List<Fault> faults, List<Fault> fired) {
            List<Fault> more = fired;
            if (!sorted(fired)) {
                more = new ArrayList<>(fired);
                more.sort(Scenario.BY_START);
            }
            List<Fault> with = new ArrayList<>(faults.size() + fired.size());
            if (!sorted(faults)) {
                with.addAll(faults);
                with.addAll(fired);
                with.sort(Scenario.BY_START);
                return with;
            }
            int i = 0;
            for (Fault f : more) {
                while (i < faults.size() && faults.get(i).at() <= f.at()) {
                    with.add(faults.get(i++)); // ties: the earlier list first, as the stable sort keeps them
                }
                with.add(f);
            }
            while (i < faults.size()) {
                with.add(faults.get(i++));
            }
            return with;
        }

        private static boolean sorted(List<Fault> faults) {
            for (int i = 1; i < faults.size(); i++) {
                if (faults.get(i - 1).at() > faults.get(i).at()) {
                    return false;
                }
            }
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
}
