package raftlab.check.linear;

/**
 * The search for a linearization outgrew its budget, so the verdict for that key is unknown. The main search has a
 * memory budget only; the shrinker's searches also have a budget of steps (see {@link Shrinker}).
 */
final class SearchBudgetExceeded extends RuntimeException {
    /** The steps the search had taken when it gave up. */
    final long steps;

    SearchBudgetExceeded(String why, long steps) {
        super(why, null, false, false);
        this.steps = steps;
    }
}
