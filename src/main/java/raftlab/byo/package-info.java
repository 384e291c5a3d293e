/**
 * Bring your own Raft: compiling and loading a learner's implementation of {@link raftlab.raft.RaftNode} so the whole
 * lab runs on it. Reading files and compiling are I/O, so this sits above the pure core and the simulation, beside
 * the lab that uses it.
 */
package raftlab.byo;
