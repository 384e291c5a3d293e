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

    /**
     * Whether {@code node} is the lab's own implementation, which changes only when it is stepped, and shares nothing
     * with other nodes: a checker may then skip a node that was not stepped (any other implementation, a learner's or
     * a test's wrapper, might change behind the simulation's back, through state its nodes share).
     */
    static boolean isReference(RaftNode node) {
        return node.getClass() == ReferenceNode.class;
    }
}
