package raftlab.check.explore;

/** For tests that need explore to catch something: the first failing run among seeds 1..last, one by one. */
public final class FirstFailure {
    private FirstFailure() {
    }

    /** The first run among seeds 1..{@code last} that fails, or null if none does. */
    public static RunResult among(long last, ExploreOptions o) {
        for (long seed = 1; seed <= last; seed++) {
            RunResult r = ScenarioRunner.run(ScenarioGenerator.generate(seed, o));
            if (r.failed()) {
                return r;
            }
        }
        return null;
    }
}
