package raftlab.raft;

/**
 * The three roles of Figure 2, and the pre-candidate of PreVote (the dissertation's section 9.6): a follower whose
 * timer ran out, asking whether it could win before it changes its term.
 */
public enum Role {
    FOLLOWER, PRE_CANDIDATE, CANDIDATE, LEADER;

    /** Lower-case name as the lab prints it ({@code pre-candidate}). */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
