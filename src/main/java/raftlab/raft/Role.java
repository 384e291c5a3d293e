package raftlab.raft;

/** The three roles of Figure 2. */
public enum Role {
    FOLLOWER, CANDIDATE, LEADER;

    /** Lower-case name as the lab prints it. */
    public String label() {
        return name().toLowerCase();
    }
}
