package raftlab.check;

/**
 * One safety property found broken.
 *
 * @param time     virtual time of the event that broke it
 * @param property the property's name, as in the paper: "Election Safety", "Log Matching", ...
 * @param detail   the nodes, indexes and terms involved
 * @param event    the event that broke it, in words
 */
public record Breach(long time, String property, String detail, String event) {
    /** {@code [412ms] SAFETY BREACH: State Machine Safety: n2 applied ... (event: n4 receives AppendEntries #88 from n5)} */
    public String line() {
        return "[" + time + "ms] SAFETY BREACH: " + property + ": " + detail + (event == null ? "" : " (event: " + event + ")");
    }
}
