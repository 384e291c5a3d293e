package raftlab.lab;

import raftlab.sim.Cluster;

/**
 * Base of every command. A command is a picocli {@code @Command} class: its annotations are the single definition
 * of its name, arguments, options and help, which the shell, Groovy scripts and transcripts all go through.
 */
public abstract class LabCommand implements Runnable {
    /** Set by {@link CommandSet} when the command is created for a lab. */
    Lab lab;

    protected Cluster cluster() {
        return lab.cluster();
    }

    protected Output out() {
        return lab.out();
    }

    /** Checks that {@code id} names a node of the cluster. */
    protected int node(int id) {
        if (!cluster().validId(id)) {
            throw new LabException("no node " + id + "; nodes are 1.." + cluster().size());
        }
        return id;
    }

    /** Checks that {@code id} names a node that is up. */
    protected int liveNode(int id) {
        node(id);
        if (!cluster().isUp(id)) {
            throw new LabException("n" + id + " is down; restart it with `restart " + id + "`");
        }
        return id;
    }
}
