package raftlab.check.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import raftlab.raft.NodeFactory;

/**
 * Makes a failing scenario smaller while it still fails the same property: it ends the run at the breach, removes
 * faults (in halves, then quarters, down to one by one), lowers the number of clients, and halves the faults' lengths. Each try is a full rerun, so the
 * number of tries is capped; the result is deterministic because every rerun is.
 */
public final class ScenarioShrinker {
    /** Reruns allowed in one shrink. */
    public static final int MAX_TRIES = 400;

    private final RunResult.Kind kind;
    private final String property;
    private final Function<Scenario, RunResult> runner;
    private int tries;
    private RunResult best;

    private ScenarioShrinker(RunResult failing, Function<Scenario, RunResult> runner) {
        this.best = failing;
        this.kind = failing.kind();
        this.property = failing.property();
        this.runner = runner;
    }

    /**
     * The smallest failing run found from {@code failing} (itself if nothing smaller fails). A smaller run counts
     * only if it fails the same way: the same kind of result (unsafe, not linearizable, stuck) and the same property.
     */
    public static RunResult shrink(RunResult failing) {
        return shrink(failing, ScenarioRunner::run);
    }

    /** As above, rerunning on nodes made by {@code factory}. */
    public static RunResult shrinkOn(RunResult failing, NodeFactory factory) {
        return shrink(failing, s -> ScenarioRunner.runOn(s, factory));
    }

    static RunResult shrink(RunResult failing, Function<Scenario, RunResult> runner) {
        if (!failing.failed()) {
            throw new IllegalArgumentException("only a failing run can be shrunk");
        }
        ScenarioShrinker s = new ScenarioShrinker(failing, runner);
        s.run();
        return s.best;
    }

    private void run() {
        cutAtBreach();
        boolean progress = true;
        while (progress && tries < MAX_TRIES) {
            progress = shorterRun();
            progress |= removeFaults();
            progress |= fewerClients();
            progress |= shorterFaults();
            cutAtBreach();
        }
    }

    /** Tries a candidate; keeps it if it fails the same way. */
    private boolean attempt(Scenario candidate) {
        if (tries >= MAX_TRIES) {
            return false;
        }
        tries++;
        RunResult r = runner.apply(candidate);
        if (r.kind() == kind && property.equals(r.property())) {
            best = r;
            return true;
        }
        return false;
    }

    /** A safety breach stops the run: nothing after it matters. */
    private void cutAtBreach() {
        if (best.breach() != null && best.breach().time() < best.scenario().time()) {
            attempt(best.scenario().withTime(best.breach().time()));
        }
    }

    /**
     * A run that fails at its end (stuck after the faults, or a history with no linearization) has no breach to cut
     * at: try ending its schedule at half the time, while it still fails the same way.
     */
    private boolean shorterRun() {
        boolean any = false;
        while (best.breach() == null && best.scenario().time() >= 200
                && attempt(best.scenario().withTime(best.scenario().time() / 2))) {
            any = true;
        }
        return any;
    }

    /** Removes faults in chunks, halving the chunk size down to one fault (as delta debugging does). */
    private boolean removeFaults() {
        boolean any = false;
        for (int chunk = Math.max(1, best.scenario().faults().size() / 2); chunk >= 1; chunk /= 2) {
            for (int from = best.scenario().faults().size() - chunk; from >= 0; from -= chunk) {
                List<Fault> fewer = new ArrayList<>(best.scenario().faults());
                if (from + chunk > fewer.size()) {
                    continue;
                }
                fewer.subList(from, from + chunk).clear();
                any |= attempt(best.scenario().withFaults(fewer));
            }
        }
        // Faults that never start before the end are dead weight.
        List<Fault> live = new ArrayList<>();
        for (Fault f : best.scenario().faults()) {
            if (f.at() < best.scenario().time()) {
                live.add(f);
            }
        }
        if (live.size() < best.scenario().faults().size()) {
            any |= attempt(best.scenario().withFaults(live));
        }
        return any;
    }

    private boolean fewerClients() {
        boolean any = false;
        for (int c = 0; c < best.scenario().clients(); c++) {
            if (attempt(best.scenario().withClients(c))) {
                any = true;
                break;
            }
        }
        return any;
    }

    private boolean shorterFaults() {
        boolean any = false;
        for (int i = 0; i < best.scenario().faults().size(); i++) {
            Fault f = best.scenario().faults().get(i);
            if (f.length() < 20) {
                continue;
            }
            List<Fault> changed = new ArrayList<>(best.scenario().faults());
            changed.set(i, f.withLength(f.length() / 2));
            any |= attempt(best.scenario().withFaults(changed));
        }
        return any;
    }
}
