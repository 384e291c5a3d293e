package raftlab.grade;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import raftlab.lab.Lab;
import raftlab.lab.Output;
import raftlab.raft.RaftNode;
import raftlab.raft.Role;
import raftlab.sim.Cluster;

/**
 * One graded scenario's lab: it runs lab commands (exactly what a user would type, so the scenario can be shown as a
 * transcript) and asks the cluster what the nodes believe. A failing command, a safety breach or a failure of the
 * implementation ends the scenario with {@link Failed}.
 */
final class Trial {
    private final Lab lab = new Lab();
    private final String implOption;
    /** Every command with its output, as a transcript shows it: what {@code grade --only NAME --verbose} prints. */
    private final List<String> transcript = new ArrayList<>();

    Trial(String implOption) {
        this.implOption = implOption;
        lab.setReplaying(true); // a graded scenario writes no files
    }

    List<String> transcript() {
        return transcript;
    }

    /** Runs a lab command; fails the scenario on an error or a safety breach. */
    String run(String command) {
        Output o = lab.execute(command);
        transcript.add("> " + command);
        transcript.addAll(o.lines());
        if (lab.lastError() != null) {
            throw new Failed("`" + command + "` failed: " + lab.lastError());
        }
        for (String line : o.lines()) {
            if (line.contains("SAFETY BREACH")) {
                throw new Failed(line.replaceFirst("^\\[\\d+ms\\] ", ""));
            }
        }
        return o.text();
    }

    /** Runs a command whose output may report breaches (explore's); fails only on an error. */
    String report(String command) {
        Output o = lab.execute(command);
        transcript.add("> " + command);
        transcript.addAll(o.lines());
        if (lab.lastError() != null) {
            throw new Failed("`" + command + "` failed: " + lab.lastError());
        }
        return o.text();
    }

    /** Runs a command that may be refused (a put to a node that stopped leading); returns whether it worked. */
    boolean attempt(String command) {
        Output o = lab.execute(command);
        transcript.add("> " + command);
        transcript.addAll(o.lines());
        for (String line : o.lines()) {
            if (line.contains("SAFETY BREACH")) {
                throw new Failed(line.replaceFirst("^\\[\\d+ms\\] ", ""));
            }
        }
        String err = lab.lastError();
        if (err != null && err.contains(" failed while ")) {
            throw new Failed(err); // the implementation itself failed: nothing more to learn from this run
        }
        return err == null;
    }

    void comment(String text) {
        lab.execute("# " + text);
        transcript.add("# " + text);
    }

    void cluster(int nodes, long seed, String options) {
        run("cluster " + nodes + " --seed " + seed + options + implOption);
    }

    void tick(long ms) {
        run("tick " + ms);
    }

    Cluster cluster() {
        return lab.cluster();
    }

    List<String> breaches() {
        return lab.breaches();
    }

    RaftNode node(int id) {
        return cluster().node(id);
    }

    long now() {
        return cluster().now();
    }

    /**
     * Ticks (100 ms at a time, up to {@code maxMs}) until one of {@code among} leads with the highest term any of
     * them has, and returns it; fails if none does by then. Two leaders of one term never get here: the safety
     * monitor stops the run first.
     */
    int awaitLeader(Collection<Integer> among, long maxMs, String what) {
        long until = now() + maxMs;
        while (true) {
            int l = leaderAmong(among);
            if (l != 0) {
                return l;
            }
            if (now() >= until) {
                throw new Failed(what + ": no leader among " + ids(among) + " after " + maxMs + " ms");
            }
            tick(100);
        }
    }

    /** The node of {@code among} that leads in the highest term any live one of them has, or 0. */
    int leaderAmong(Collection<Integer> among) {
        long top = -1;
        int leader = 0;
        for (int id : among) {
            if (!cluster().isUp(id)) {
                continue;
            }
            RaftNode n = node(id);
            if (n.currentTerm() > top) {
                top = n.currentTerm();
                leader = 0;
            }
            if (n.currentTerm() == top && n.role() == Role.LEADER) {
                leader = id;
            }
        }
        return leader;
    }

    /**
     * A client puts {@code key}={@code value} through the leader of {@code among} (retrying while leadership moves,
     * as a client would), and every node of {@code among} must apply it within {@code maxMs}.
     */
    void agree(String key, String value, Collection<Integer> among, long maxMs) {
        long until = now() + maxMs;
        while (now() < until) {
            int l = leaderAmong(among);
            if (l == 0) {
                tick(50);
                continue;
            }
            attempt("put " + key + " " + value + " --to " + l);
            long retry = Math.min(until, now() + 1000);
            while (now() < retry) {
                tick(50);
                if (appliedBy(key, value, among).size() == among.size()) {
                    return;
                }
            }
        }
        throw new Failed("put " + key + "=" + value + " was applied by " + ids(appliedBy(key, value, among))
                + " of " + ids(among) + " within " + maxMs + " ms");
    }

    /** The nodes of {@code among} whose state machine holds {@code key}={@code value}. */
    List<Integer> appliedBy(String key, String value, Collection<Integer> among) {
        List<Integer> out = new ArrayList<>();
        for (int id : among) {
            if (cluster().isUp(id)) {
                Map<String, String> kv = node(id).stateMachine().view();
                if (value.equals(kv.get(key))) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    List<Integer> all() {
        List<Integer> out = new ArrayList<>();
        for (int id : cluster().ids()) {
            out.add(id);
        }
        return out;
    }

    List<Integer> up() {
        List<Integer> out = new ArrayList<>();
        for (int id : cluster().ids()) {
            if (cluster().isUp(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Sum of requests sent (RequestVote and AppendEntries): what 6.824 counts as RPCs. */
    long rpcs() {
        long n = 0;
        for (Map.Entry<String, long[]> e : cluster().stats().byType().entrySet()) {
            if (!e.getKey().endsWith("Reply")) {
                n += e.getValue()[raftlab.sim.Stats.SENT];
            }
        }
        return n;
    }

    static String ids(Collection<Integer> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (int id : new TreeSet<>(ids)) {
            sb.append(sb.length() == 0 ? "" : ",").append('n').append(id);
        }
        return sb.toString();
    }
}
