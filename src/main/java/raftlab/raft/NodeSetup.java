package raftlab.raft;

import java.util.Set;

/**
 * What the lab gives a node when it boots or restarts.
 *
 * @param id       this node's id
 * @param voters   the configuration: every voter's id, this node's included
 * @param settings timing (election timeout range, heartbeat) and behaviour knobs
 * @param bugs     the classic bugs switched on; the lab changes this set while the node runs, so read it each time
 * @param restored what the node's disk holds: its persistent state from before a crash (empty on first boot). The
 *                 node copies what it needs; it must not keep or change this object.
 * @param random   the node's own random stream; the only randomness it may use
 * @param stateMachine a fresh, empty application to apply committed commands to
 */
public record NodeSetup(int id, Quorum voters, Settings settings, Set<Bug> bugs, PersistentState restored,
                        RandomSource random, StateMachine stateMachine) {
}
