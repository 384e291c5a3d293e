package raftlab.raft;

/**
 * Makes a node from its {@link NodeSetup}: how the lab boots and restarts nodes without knowing which implementation
 * of {@link RaftNode} it runs. {@link #reference()} is the lab's own.
 */
@FunctionalInterface
public interface NodeFactory {
    RaftNode create(NodeSetup setup);

    /** The lab's own implementation, {@link ReferenceNode}: what a cluster runs unless told otherwise. */
    static NodeFactory reference() {
        return ReferenceNode::new;
    }
}
