package raftlab.check.linear;

/**
 * What one single-key search found.
 *
 * @param linearizable whether a linearization exists
 * @param failedAt     for a failure, the time of the latest completion the search ever reached without being able to
 *                     linearize that operation: the history cut at this instant (see {@link Shrinker}) is the
 *                     earliest cut that is not linearizable; {@link Long#MIN_VALUE} for a success
 * @param steps        how many steps the search took (one per entry visited), a measure of its cost that does not
 *                     depend on the machine
 */
record SearchResult(boolean linearizable, long failedAt, long steps) {
}
