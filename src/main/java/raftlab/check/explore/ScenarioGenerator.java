package raftlab.check.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import raftlab.check.Streams;
import raftlab.sim.SimRandom;

/**
 * Turns a seed into a randomized fault schedule. With swarm testing (the default) the seed first draws which kinds it
 * uses, how often and how hard, and the cluster's timing ({@link Swarm}). Each kind then runs on its own lanes (every
 * node has a crash lane of its own): a pause, a fault, a pause, and so on until the run ends. Every kind draws from a
 * stream of its own ({@link Streams}), so a seed always gives the same schedule, and adding or dropping one kind
 * leaves the others' faults as they were.
 */
public final class ScenarioGenerator {
    private ScenarioGenerator() {
    }

    public static Scenario generate(long seed, ExploreOptions o) {
        Swarm swarm = o.swarm() ? Swarm.draw(seed, o.faults()) : Swarm.off(o.faults());
        List<Fault> faults = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            if (!swarm.on().contains(kind)) {
                continue;
            }
            SimRandom r = Streams.of(seed, "fault " + kind.label);
            double often = swarm.frequency().get(kind);
            double hard = swarm.intensity().get(kind);
            for (int lane = 0; lane < kind.lanes(o.nodes()); lane++) {
                long t = gap(kind, r, often);
                while (t < o.time()) {
                    long length = kind.length(r);
                    faults.add(new Fault(t, length, kind, kind.arg(r, o.nodes(), lane, hard)));
                    // An aimed fault's time is only the earliest it is armed (the runner arms them one after another,
                    // each waiting for its moment), so the next is drawn from this one's time, not its end.
                    t += (kind.aimed() ? 0 : length) + gap(kind, r, often);
                }
            }
        }
        faults.sort(Comparator.comparingLong(Fault::at));
        Timing timing = swarm.timing().withElections(o.preVote(), o.checkQuorum())
                .withSnapshotEvery(o.snapshotEvery()).withReads(o.reads());
        if (swarm.on().contains(FaultKind.POWER_LOSS)) {
            // A power loss matters only while writes are on their way to the disk: such runs get a disk sync time,
            // from a stream of its own so that the schedule is the same with or without it.
            timing = timing.withSync(Streams.of(seed, "power-loss sync").between(1, 20));
        }
        return new Scenario(seed, o.nodes(), o.time(), o.clients(), o.keys(), o.rate(), o.noop(), o.bug(), timing,
                faults);
    }

    private static long gap(FaultKind kind, SimRandom r, double often) {
        return Math.max(1, Math.round(kind.gap(r) / often));
    }
}
