package raftlab.check.linear;

/** The search for a linearization outgrew its memory budget: the verdict for that key is unknown. */
final class SearchBudgetExceeded extends RuntimeException {
    SearchBudgetExceeded(long configurations) {
        super("gave up after " + configurations + " search states", null, false, false);
    }
}
