package raftlab.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.raft.RaftNode;
import raftlab.sim.Cluster;

/** {@code run until leader|commit I|quiet [--max MS]}: move time event by event until a condition holds. */
@Command(name = "run", description = "Run time until a leader is elected, until the leader has committed index I, or"
        + " until quiet (every reachable live node has applied the leader's whole log); give up after --max ms.")
final class RunCommand extends LabCommand {
    @Parameters(index = "0", paramLabel = "until", description = "the word until")
    String until;
    @Parameters(index = "1", paramLabel = "leader|commit|quiet", description = "leader: one is elected; commit: the leader committed index I; quiet: every reachable node applied the leader's log")
    String condition;
    @Parameters(index = "2", arity = "0..1", paramLabel = "I", description = "the index, for commit")
    Long index;
    @Option(names = "--max", paramLabel = "MS", description = "give up after MS virtual ms (default 10000)")
    long max = 10_000;

    @Override
    public void run() {
        if (!until.equals("until")) {
            throw new LabException("write `run until leader`, `run until commit I` or `run until quiet`");
        }
        if (condition.equals("commit") != (index != null)) {
            throw new LabException(condition.equals("commit") ? "run until commit needs an index, as in `run until "
                    + "commit 5`" : "only `run until commit` takes an index");
        }
        if (!condition.equals("leader") && !condition.equals("commit") && !condition.equals("quiet")) {
            throw new LabException("run until takes leader, commit I or quiet, not '" + condition + "'");
        }
        if (max < 0) {
            throw new LabException("--max takes 0 or more ms, not " + max);
        }
        Cluster c = cluster();
        long start = c.now();
        long deadline = start + max;
        while (!holds(c)) {
            if (!c.stepUntil(deadline)) {
                c.tick(deadline - c.now());
                throw new LabException("run until " + condition + (index == null ? "" : " " + index)
                        + ": not reached after " + max + "ms (now " + c.now() + "ms)");
            }
        }
        out().line("run until " + condition + (index == null ? "" : " " + index) + ": reached at " + c.now()
                + "ms, after " + (c.now() - start) + "ms" + (condition.equals("commit") || condition.equals("leader")
                ? " (leader n" + c.leader() + ")" : ""));
    }

    private boolean holds(Cluster c) {
        int leader = c.leader();
        if (leader == 0) {
            return false;
        }
        RaftNode l = c.node(leader);
        switch (condition) {
            case "leader":
                return true;
            case "commit":
                return l.commitIndex() >= index;
            default:
                long last = l.log().lastIndex();
                if (l.commitIndex() < last) {
                    return false;
                }
                for (int id = 1; id <= c.size(); id++) {
                    if (!c.isUp(id) || c.network().isCut(leader, id) || c.network().isCut(id, leader)) {
                        continue;
                    }
                    RaftNode n = c.node(id);
                    if (n.lastApplied() < last || n.log().lastIndex() != last) {
                        return false;
                    }
                }
                return true;
        }
    }
}
