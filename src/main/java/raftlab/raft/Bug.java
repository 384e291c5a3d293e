package raftlab.raft;

/**
 * Classic Raft mistakes the lab can switch on, so that its checkers can be seen catching them.
 * Every one is off unless the user asks for it.
 */
public enum Bug {
    NAIVE_SEED("naive-seed", "the article's sketch: votes counted without checking the reply's term, "
            + "no prevLogIndex check, entries appended blindly"),
    COMMIT_OLD_TERM("commit-old-term", "a leader commits entries of earlier terms by counting replicas (Figure 8)"),
    NO_UP_TO_DATE_CHECK("no-up-to-date-check", "votes are granted without comparing logs"),
    FORGET_VOTE("forget-vote", "votedFor is not persisted across a restart"),
    TRUNCATE_ON_STALE_APPEND("truncate-on-stale-append", "a stale or duplicated AppendEntries truncates the log"),
    EARLY_APPLY("early-apply", "entries are applied before they are committed"),
    /** With {@code --prevote}: the mistake PreVote exists to prevent, made inside PreVote itself. */
    PREVOTE_BUMPS_TERM("prevote-bumps-term", "a PreVote raises the receiver's term like any other message, so a "
            + "rejoining node still disrupts the cluster (with --prevote)"),
    /** Leadership transfer's precondition skipped: the target may lack entries the leader has. */
    TRANSFER_TO_LAGGING_NODE("transfer-to-lagging-node", "a leader sends TimeoutNow at once, without first bringing "
            + "the target's log up to date"),
    /**
     * Breaks only liveness: a leader never retries an AppendEntries that was lost, because a follower's refusal never
     * moves its nextIndex back. Nothing unsafe happens; a follower that missed entries just stays behind.
     */
    NO_APPEND_RETRY("no-append-retry", "a leader never retries a lost AppendEntries: a refusal never moves nextIndex "
            + "back, so a follower that missed entries stays behind (liveness only)"),
    /**
     * Carried out by the lab, not the node: the host sends a step's messages at once instead of after its disk write
     * is durable (visible only with {@code --sync} above 0, and harmful only when power is lost in that window). The
     * node still hears of its writes' durability when it happens ({@link RaftNode#persisted}), so a leader still
     * counts its own copy only once durable: what breaks is the votes and acknowledgements sent too early.
     */
    ACK_BEFORE_PERSIST("ack-before-persist", "messages leave while the disk write they promise is still in flight, "
            + "so a power loss breaks a vote or an acknowledgement already sent"),
    SNAPSHOT_UNCOMMITTED("snapshot-uncommitted", "a snapshot covers the whole log, committed or not: the entries not "
            + "yet committed are applied into it"),
    SNAPSHOT_WRONG_TERM("snapshot-wrong-term", "a snapshot records the node's current term as the term of its last "
            + "entry, instead of that entry's own term"),
    INSTALL_DISCARDS_SUFFIX("install-discards-suffix", "a follower given a snapshot throws its whole log away, even "
            + "the entries after the snapshot that match the leader's (Figure 13 says keep them)"),
    /**
     * The single-server change bug found after the dissertation: a new leader changes the configuration before it has
     * committed an entry of its term, so a change it never heard of (left uncommitted by an earlier leader) and its own
     * can both take effect, and their majorities need not overlap.
     */
    CHANGE_WITHOUT_COMMIT_FIRST("change-without-commit-first", "a new leader starts a membership change before it "
            + "has committed an entry of its own term, so its change and one an earlier leader left uncommitted can "
            + "have majorities that do not overlap: two leaders at once, and a committed entry lost"),
    /** Single-server changes are safe only one at a time: two uncommitted ones can differ by two voters. */
    TWO_CHANGES_AT_ONCE("two-changes-at-once", "a leader starts a membership change while another is still "
            + "uncommitted (or joint consensus is in progress), so configurations two voters apart are in force at once"),
    /**
     * Joint consensus with one of its two majorities forgotten: while C_old,new is in force, elections and commitment
     * count only C_new's voters (see {@link Membership#counted}). The nodes that have not yet heard of the change still
     * count C_old, so a majority of the old voters and a majority of the new ones each go their own way.
     */
    JOINT_ONE_MAJORITY("joint-one-majority", "while the joint configuration C_old,new is in force, elections and "
            + "commitment count only a majority of the new voters, so the old voters that have not heard of the change "
            + "elect a leader of their own: two leaders, and committed entries lost"),
    /**
     * Carried out by the state machine ({@link KvStore}), not the node: every committed retry is applied again, so an
     * append whose first answer was lost and that the client sent again lands twice. The log itself is as safe as
     * ever; what breaks is exactly-once, which only the linearizability checker sees.
     */
    NO_DEDUP("no-dedup", "the state machine applies every retry of a client's operation again, ignoring the client "
            + "id and sequence number (a retried append lands twice)"),
    /** With {@code --reads readindex|lease}: section 6.4's confirmation skipped. */
    READ_WITHOUT_QUORUM("read-without-quorum", "a leader answers reads from its own state without confirming it still "
            + "leads, so the old leader of a partition serves stale values (with --reads readindex or lease)"),
    /** With {@code --reads lease}: the lease forgets that clocks drift. */
    LEASE_IGNORES_SKEW("lease-ignores-skew", "a lease lasts the whole minimum election timeout, not that divided by the "
            + "drift bound, so a leader whose clock runs slow serves reads after a new leader took over (with --reads "
            + "lease)"),
    /**
     * With {@code --checkquorum}: section 4.2.3's rule dropped on the voters' side. A node that heard from a leader
     * within the minimum election timeout votes all the same, so a node the leader cannot reach is elected while the
     * leader still counts on those voters: harmless for the log, but a lease read ({@code --reads lease}) then
     * trusts a promise nobody keeps, and the old leader serves a stale value.
     */
    VOTE_DESPITE_LEADER("vote-despite-leader", "a node that heard from a leader within the minimum election timeout "
            + "still grants a RequestVote, so a leader's lease is no promise and an old leader serves stale reads "
            + "(with --checkquorum --reads lease)");

    public final String label;
    public final String explanation;

    Bug(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** The bug called {@code label}, or null. */
    public static Bug byLabel(String label) {
        for (Bug b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        return null;
    }
}
