package raftlab.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.raft.Configuration;
import raftlab.sim.Cluster;
import raftlab.sim.MembershipChanges;

/**
 * Membership changes (the dissertation's chapter 4): each command asks the leader of the moment for a change, worked
 * out from the leader's configuration by {@link MembershipChanges}. A change the leader's rules forbid now (no entry
 * of its term committed yet, another change not committed yet, a learner still behind) is refused in one line with
 * the cluster unchanged.
 */
final class MembershipCommands {
    private MembershipCommands() {
    }

    /** Every membership command asks the leader of the highest term, or the leader {@code --to} names. */
    abstract static class ChangeCommand extends LabCommand {
        @Option(names = "--to", paramLabel = "N", description = "ask leader N (say, one cut off from the others) "
                + "instead of the leader of the highest term")
        Integer to;

        int via() {
            return to == null ? 0 : node(to);
        }
    }

    /** Runs a change; a refusal becomes the user's one line. */
    private static void attempt(Runnable change) {
        try {
            change.run();
        } catch (IllegalStateException e) {
            throw new LabException(e.getMessage());
        }
    }

    @Command(name = "add-node", description = "Start a new node (the next unused id, empty disk) and ask the leader "
            + "to add it as a learner: it receives the log (a snapshot if the start is compacted) but does not vote "
            + "until `promote`.")
    static final class AddNode extends ChangeCommand {
        @Override
        public void run() {
            int[] id = new int[1];
            attempt(() -> id[0] = MembershipChanges.addNode(cluster(), via()));
            out().line("n" + id[0] + " starts with an empty disk; the leader adds it as a learner");
        }
    }

    @Command(name = "promote", description = "Ask the leader to make learner N a voter (a single-server change; "
            + "refused until N has caught up with the commit index).")
    static final class Promote extends ChangeCommand {
        @Parameters(index = "0", paramLabel = "N", description = "the learner to promote")
        int id;

        @Override
        public void run() {
            node(id);
            attempt(() -> MembershipChanges.promote(cluster(), via(), id));
        }
    }

    @Command(name = "remove-node", description = "Ask the leader to take node N out of the configuration (a "
            + "single-server change). A removed leader steps down once the change is committed; a removed node "
            + "keeps running, and stays quiet, until you crash it.")
    static final class RemoveNode extends ChangeCommand {
        @Parameters(index = "0", paramLabel = "N", description = "the node to remove")
        int id;

        @Override
        public void run() {
            node(id);
            attempt(() -> MembershipChanges.remove(cluster(), via(), id));
        }
    }

    @Command(name = "reconfigure", description = "Ask the leader to make exactly these nodes the voters: through "
            + "joint consensus (C_old,new, then C_new) when more than one voter changes. Ids not in the cluster yet "
            + "must be the next unused ones: they start with empty disks and catch up during the joint phase.")
    static final class Reconfigure extends ChangeCommand {
        @Parameters(index = "0", paramLabel = "IDS", description = "the new voters, comma-separated, e.g. 1,2,6,7")
        String list;

        @Override
        public void run() {
            int[] wanted;
            try {
                wanted = Configuration.parseIds(list);
                raftlab.raft.Quorum.of(wanted);
            } catch (IllegalArgumentException e) {
                throw new LabException("reconfigure takes distinct node ids, comma-separated, like 1,2,6,7: "
                        + e.getMessage());
            }
            Cluster c = cluster();
            int before = c.size();
            attempt(() -> MembershipChanges.reconfigure(c, via(), wanted));
            for (int id = before + 1; id <= c.size(); id++) {
                out().line("n" + id + " starts with an empty disk");
            }
        }
    }
}
