package raftlab.raft;

/** How a leader moves a follower's nextIndex back after a refused AppendEntries. */
public enum Backoff {
    /** Figure 2 as written: nextIndex minus one per refusal, one round trip per entry of divergence. */
    ONE,
    /**
     * The follower's hint (section 5.3's optimization): skip the whole conflicting term, or straight to the end of a
     * log that is too short. One round trip per term of divergence. The lab's default.
     */
    TERM;

    public String label() {
        return name().toLowerCase();
    }

    /** The backoff called {@code label}, or null. */
    public static Backoff byLabel(String label) {
        for (Backoff b : values()) {
            if (b.label().equals(label)) {
                return b;
            }
        }
        return null;
    }
}
