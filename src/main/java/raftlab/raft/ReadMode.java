package raftlab.raft;

/**
 * How a node serves a read-only request ({@code get}): the lab's {@code --reads} option.
 */
public enum ReadMode {
    /** Through the log like a write: the get is an entry, answered when it is applied (Figure 2 alone). */
    LOG,
    /**
     * The dissertation's section 6.4: no entry. The leader notes its commit index (once it has committed an entry of
     * its own term), confirms with a round of heartbeats that a majority still follows it, and answers once it has
     * applied that far. A follower asks the leader for such a read index and answers from its own state.
     */
    READINDEX,
    /**
     * Section 6.4.1: as READINDEX, but a leader whose lease holds answers at once, without the round. The lease comes
     * from heartbeats a majority acknowledged; it lasts less than the minimum election timeout divided by the clock
     * drift bound, so it is right only while clocks keep within that bound. Needs CheckQuorum.
     */
    LEASE;

    public String label() {
        return name().toLowerCase();
    }

    /** The mode called {@code label}, or null. */
    public static ReadMode byLabel(String label) {
        for (ReadMode m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        return null;
    }
}
