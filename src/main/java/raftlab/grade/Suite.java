package raftlab.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import raftlab.raft.RaftNode;

/**
 * The graded scenarios, in the spirit of the MIT 6.824 Raft tests (2A elections, 2B agreement, 2C persistence),
 * written as lab scenarios: deterministic, so a failure replays exactly. Timing follows the lab's defaults
 * (elections 150..300 ms, heartbeats every 50 ms, latency 1..5 ms); every limit below leaves a correct node several
 * election rounds of slack.
 */
final class Suite {
    private Suite() {
    }

    /** The fixed seed of every scenario: a failure is one run, not a distribution. */
    static final long SEED = 1;

    static List<GradeTest> tests() {
        List<GradeTest> t = new ArrayList<>();
        t.add(new GradeTest("initial-election", "one leader is elected, and it stays while nothing fails",
                Suite::initialElection));
        t.add(new GradeTest("re-election", "a new leader after the leader is cut off; the old one steps down on return",
                Suite::reElection));
        t.add(new GradeTest("many-elections", "7 nodes, 3 random ones cut off at a time, 10 times: always a leader",
                Suite::manyElections));
        t.add(new GradeTest("basic-agreement", "three puts, each applied by every node", Suite::basicAgreement));
        t.add(new GradeTest("fail-agree", "agreement goes on with one follower cut off, which catches up on return",
                Suite::failAgree));
        t.add(new GradeTest("fail-no-agree", "with 3 of 5 followers cut off nothing commits; after heal it does",
                Suite::failNoAgree));
        t.add(new GradeTest("concurrent-proposals", "five puts in the same millisecond, all applied in one order",
                Suite::concurrentProposals));
        t.add(new GradeTest("rejoin", "a partitioned leader's uncommitted entries give way to the new leader's",
                Suite::rejoin));
        t.add(new GradeTest("backup", "a leader brings far-behind and divergent followers' logs back (many entries)",
                Suite::backup));
        t.add(new GradeTest("rpc-count", "elections, agreement and idle heartbeats use few RPCs", Suite::rpcCount));
        t.add(new GradeTest("persist-restart", "every node crashes and restarts; term, vote and log survive",
                Suite::persistRestart));
        t.add(new GradeTest("persist-churn", "leaders and followers crash and restart between puts",
                Suite::persistChurn));
        t.add(new GradeTest("persist-power-loss", "with 10 ms disk syncs, leaders lose power right after a put",
                Suite::persistPowerLoss));
        t.add(new GradeTest("figure-8", "leaders crash at random while proposing (the paper's Figure 8)",
                Suite::figure8));
        t.add(new GradeTest("unreliable-churn", "lossy, reordering network, crashes and clients; then linearizable",
                Suite::unreliableChurn));
        return t;
    }

    private static void initialElection(Trial t) {
        t.cluster(3, SEED, "");
        int leader = t.awaitLeader(t.all(), 2000, "initial election");
        long term = t.node(leader).currentTerm();
        if (term < 1) {
            throw new Failed("n" + leader + " leads in term " + term + "; a leader's term is at least 1");
        }
        t.tick(2000);
        int now = t.leaderAmong(t.all());
        if (now != leader || t.node(leader).currentTerm() != term) {
            throw new Failed("with no failure the leadership changed within 2 s: n" + leader + " in term " + term
                    + ", then " + (now == 0 ? "no leader" : "n" + now + " in term " + t.node(now).currentTerm())
                    + " (heartbeats must keep followers from starting elections)");
        }
        for (int id : t.all()) {
            if (t.node(id).currentTerm() != term) {
                throw new Failed("n" + id + " is in term " + t.node(id).currentTerm() + ", the leader in " + term);
            }
        }
    }

    private static void reElection(Trial t) {
        t.cluster(3, SEED, "");
        int l1 = t.awaitLeader(t.all(), 2000, "initial election");
        t.run("isolate " + l1);
        t.awaitLeader(without(t.all(), l1), 2000, "after n" + l1 + " is cut off");
        t.run("heal");
        t.tick(1000);
        int l3 = t.leaderAmong(t.all());
        if (l3 == 0) {
            throw new Failed("after heal no leader in the highest term");
        }
        if (l1 != l3 && t.node(l1).role() == raftlab.raft.Role.LEADER) {
            throw new Failed("n" + l1 + " still acts as leader of term " + t.node(l1).currentTerm()
                    + " after it rejoined a cluster led by n" + l3 + " in term " + t.node(l3).currentTerm());
        }
        t.run("isolate " + l3);
        t.run("isolate " + without(t.all(), l3).get(0));
        t.tick(2000);
        int last = without(without(t.all(), l3), without(t.all(), l3).get(0)).get(0);
        if (t.node(last).role() == raftlab.raft.Role.LEADER) {
            throw new Failed("n" + last + " became leader alone, without a majority");
        }
        t.run("heal");
        t.awaitLeader(t.all(), 2000, "after heal");
    }

    private static void manyElections(Trial t) {
        t.cluster(7, SEED, "");
        t.awaitLeader(t.all(), 2000, "initial election");
        Random r = new Random(SEED);
        for (int round = 0; round < 10; round++) {
            List<Integer> ids = new ArrayList<>(t.all());
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                out.add(ids.remove(r.nextInt(ids.size())));
            }
            for (int id : out) {
                t.run("isolate " + id);
            }
            t.awaitLeader(ids, 3000, "round " + (round + 1) + ", with " + Trial.ids(out) + " cut off");
            t.run("heal");
        }
        t.awaitLeader(t.all(), 3000, "after the last heal");
    }

    private static void basicAgreement(Trial t) {
        t.cluster(3, SEED, "");
        t.awaitLeader(t.all(), 2000, "initial election");
        for (int i = 1; i <= 3; i++) {
            long before = maxCommit(t);
            t.agree("k" + i, "v" + i, t.all(), 2000);
            if (maxCommit(t) <= before) {
                throw new Failed("put k" + i + " was applied but no commitIndex moved");
            }
        }
    }

    private static void failAgree(Trial t) {
        t.cluster(3, SEED, "");
        int l = t.awaitLeader(t.all(), 2000, "initial election");
        t.agree("a", "1", t.all(), 2000);
        int f = without(t.all(), l).get(0);
        t.run("isolate " + f);
        List<Integer> rest = without(t.all(), f);
        t.agree("b", "2", rest, 3000);
        t.agree("c", "3", rest, 3000);
        t.run("heal");
        t.agree("d", "4", t.all(), 5000);
        if (t.appliedBy("b", "2", t.all()).size() != 3 || t.appliedBy("c", "3", t.all()).size() != 3) {
            throw new Failed("after heal n" + f + " applied d but not the b and c it missed");
        }
    }

    private static void failNoAgree(Trial t) {
        t.cluster(5, SEED, "");
        int l = t.awaitLeader(t.all(), 2000, "initial election");
        t.agree("a", "1", t.all(), 2000);
        List<Integer> followers = without(t.all(), l);
        for (int k = 0; k < 3; k++) {
            t.run("isolate " + followers.get(k));
        }
        t.run("put b 2 --to " + l);
        long index = t.node(l).log().lastIndex();
        t.tick(2000);
        for (int id : t.up()) {
            if (t.node(id).commitIndex() >= index && t.node(id).log().lastIndex() >= index
                    && t.node(id).log().get(index).command().key() != null
                    && t.node(id).log().get(index).command().key().equals("b")) {
                throw new Failed("n" + id + " committed put b=2 (index " + index + ") with only 2 of 5 nodes reachable");
            }
        }
        t.run("heal");
        t.agree("c", "3", t.all(), 5000);
    }

    private static void concurrentProposals(Trial t) {
        t.cluster(3, SEED, "");
        int l = t.awaitLeader(t.all(), 2000, "initial election");
        for (int i = 1; i <= 5; i++) {
            t.run("append log " + i + " --to " + l);
        }
        long until = t.now() + 3000;
        while (t.now() < until) {
            t.tick(100);
            boolean done = true;
            for (int id : t.all()) {
                String v = t.node(id).stateMachine().view().get("log");
                done &= v != null && v.length() == 5;
            }
            if (done) {
                break;
            }
        }
        String first = t.node(1).stateMachine().view().get("log");
        StringBuilder seen = new StringBuilder();
        boolean ok = true;
        for (int id : t.all()) {
            String v = t.node(id).stateMachine().view().get("log");
            ok &= v != null && v.length() == 5 && v.equals(first);
            seen.append(seen.length() == 0 ? "" : ", ").append('n').append(id).append(' ').append(v);
        }
        if (!ok) {
            throw new Failed("after five appends to key log within 3 s: " + seen
                    + " (each node must apply all five, in the same order)");
        }
    }

    private static void rejoin(Trial t) {
        t.cluster(3, SEED, "");
        int l1 = t.awaitLeader(t.all(), 2000, "initial election");
        t.agree("a", "1", t.all(), 2000);
        t.run("isolate " + l1);
        t.attempt("put b 2 --to " + l1);
        t.attempt("put c 3 --to " + l1);
        t.attempt("put d 4 --to " + l1);
        List<Integer> rest = without(t.all(), l1);
        t.awaitLeader(rest, 2000, "after n" + l1 + " is cut off");
        t.agree("e", "5", rest, 3000);
        int l2 = t.leaderAmong(rest);
        t.run("heal");
        t.run("isolate " + l2);
        List<Integer> others = without(t.all(), l2);
        t.agree("f", "6", others, 5000);
        t.run("heal");
        t.agree("g", "7", t.all(), 5000);
        for (String k : List.of("b", "c", "d")) {
            for (int id : t.all()) {
                if (t.node(id).stateMachine().view().containsKey(k)) {
                    throw new Failed("n" + id + " applied " + k + ", which n" + l1 + " took while cut off (it "
                            + "could never commit)");
                }
            }
        }
    }

    private static void backup(Trial t) {
        t.cluster(5, SEED, "");
        int l1 = t.awaitLeader(t.all(), 2000, "initial election");
        t.agree("start", "1", t.all(), 2000);
        List<Integer> f = without(t.all(), l1);
        // The leader and one follower on one side: 30 entries that can never commit.
        t.run("partition " + l1 + "," + f.get(0) + " " + f.get(1) + "," + f.get(2) + "," + f.get(3));
        for (int i = 0; i < 30; i++) {
            t.attempt("put lost" + i + " x --to " + l1);
        }
        t.tick(500);
        List<Integer> major = List.of(f.get(1), f.get(2), f.get(3));
        t.awaitLeader(major, 3000, "the majority side");
        for (int i = 0; i < 30; i++) {
            t.agree("kept" + i, "y", major, 3000);
        }
        int l2 = t.leaderAmong(major);
        int other = without(major, l2).get(0);
        // The new leader and one follower cut off: 30 more that can never commit.
        t.run("partition " + l2 + "," + other + " " + l1 + "," + f.get(0) + "," + without(without(major, l2), other)
                .get(0));
        for (int i = 0; i < 30; i++) {
            t.attempt("put lost2-" + i + " x --to " + l2);
        }
        List<Integer> back = List.of(l1, f.get(0), without(without(major, l2), other).get(0));
        t.awaitLeader(back, 3000, "the side of the old leader");
        for (int i = 0; i < 30; i++) {
            t.agree("back" + i, "z", back, 3000);
        }
        t.run("heal");
        t.agree("end", "1", t.all(), 10000);
        for (int id : t.all()) {
            var kv = t.node(id).stateMachine().view();
            if (kv.containsKey("lost0") || kv.containsKey("lost2-0") || !kv.containsKey("kept29")
                    || !kv.containsKey("back29")) {
                throw new Failed("n" + id + " applied an entry that was never committed, or misses a committed one");
            }
        }
    }

    private static void rpcCount(Trial t) {
        t.cluster(3, SEED, "");
        t.awaitLeader(t.all(), 2000, "initial election");
        long election = t.rpcs();
        if (election > 30) {
            throw new Failed("the first election (and heartbeats until it was seen) took " + election
                    + " RPCs; at most 30");
        }
        int l = t.leaderAmong(t.all());
        t.tick(10);
        long before = t.rpcs();
        for (int i = 1; i <= 10; i++) {
            t.run("put k" + i + " " + i + " --to " + l);
        }
        long until = t.now() + 1000;
        while (t.appliedBy("k10", "10", t.all()).size() != 3 && t.now() < until) {
            t.tick(10);
        }
        long agreement = t.rpcs() - before;
        if (t.appliedBy("k10", "10", t.all()).size() != 3) {
            throw new Failed("ten puts were not applied by every node within 1 s");
        }
        if (agreement > (10 + 1 + 3) * 3) {
            throw new Failed("agreeing on 10 puts took " + agreement + " RPCs until every node applied them; at most "
                    + ((10 + 1 + 3) * 3));
        }
        long idle0 = t.rpcs();
        t.tick(1000);
        long idle = t.rpcs() - idle0;
        if (idle > 3 * 20) {
            throw new Failed("an idle second took " + idle + " RPCs; at most 60 (heartbeats only)");
        }
    }

    private static void persistRestart(Trial t) {
        t.cluster(3, SEED, "");
        t.awaitLeader(t.all(), 2000, "initial election");
        t.agree("a", "11", t.all(), 2000);
        for (int id : t.all()) {
            t.run("crash " + id);
        }
        for (int id : t.all()) {
            t.run("restart " + id);
        }
        t.agree("b", "12", t.all(), 5000);
        int l = t.leaderAmong(t.all());
        t.run("crash " + l);
        t.run("restart " + l);
        t.agree("c", "13", t.all(), 5000);
        int l2 = t.leaderAmong(t.all());
        t.run("crash " + l2);
        t.agree("d", "14", without(t.all(), l2), 5000);
        t.run("restart " + l2);
        t.agree("e", "15", t.all(), 5000);
        if (t.appliedBy("a", "11", t.all()).size() != 3) {
            throw new Failed("after crashes and restarts not every node has a=11 (committed first)");
        }
    }

    private static void persistChurn(Trial t) {
        t.cluster(5, SEED, "");
        t.awaitLeader(t.all(), 2000, "initial election");
        for (int round = 1; round <= 4; round++) {
            t.agree("r" + round, "all", t.all(), 5000);
            int l = t.leaderAmong(t.all());
            List<Integer> f = without(t.all(), l);
            t.run("crash " + f.get(0));
            t.run("crash " + f.get(1));
            t.agree("r" + round, "three", t.up(), 5000);
            t.run("crash " + l);
            t.run("restart " + f.get(0));
            t.run("restart " + f.get(1));
            t.agree("r" + round, "four", t.up(), 5000);
            t.run("restart " + l);
        }
        t.agree("end", "1", t.all(), 5000);
    }

    private static void persistPowerLoss(Trial t) {
        t.cluster(5, SEED, " --sync 10");
        t.awaitLeader(t.all(), 2000, "initial election");
        for (int round = 1; round <= 5; round++) {
            int l = t.awaitLeader(t.all(), 3000, "round " + round);
            t.attempt("put p" + round + " " + round + " --to " + l);
            t.tick(3);
            t.run("power-loss " + l);
            t.tick(600);
            t.run("restart " + l);
            t.agree("q" + round, "" + round, t.all(), 5000);
        }
    }

    private static void figure8(Trial t) {
        t.cluster(5, SEED, "");
        t.awaitLeader(t.all(), 2000, "initial election");
        t.agree("start", "1", t.all(), 2000);
        Random r = new Random(SEED);
        for (int i = 0; i < 40; i++) {
            int l = t.leaderAmong(t.up());
            if (l != 0) {
                t.attempt("put f" + i + " " + i + " --to " + l);
            }
            t.tick(r.nextInt(100) < 10 ? 1 + r.nextInt(500) : 1 + r.nextInt(13));
            l = t.leaderAmong(t.up());
            if (l != 0 && r.nextBoolean()) {
                t.run("crash " + l);
            }
            if (t.up().size() < 3) {
                List<Integer> down = new ArrayList<>(t.all());
                down.removeAll(t.up());
                t.run("restart " + down.get(r.nextInt(down.size())));
            }
        }
        for (int id : t.all()) {
            if (!t.cluster().isUp(id)) {
                t.run("restart " + id);
            }
        }
        t.agree("end", "1", t.all(), 10000);
    }

    private static void unreliableChurn(Trial t) {
        t.cluster(5, SEED, "");
        t.run("net unreliable");
        t.run("clients 3");
        Random r = new Random(SEED);
        for (int i = 0; i < 20; i++) {
            int id = 1 + r.nextInt(5);
            if (t.cluster().isUp(id) && t.up().size() > 3 && r.nextInt(3) == 0) {
                t.run("crash " + id);
            } else if (!t.cluster().isUp(id)) {
                t.run("restart " + id);
            }
            t.tick(100 + r.nextInt(300));
        }
        t.run("clients stop");
        t.run("net reliable");
        for (int id : t.all()) {
            if (!t.cluster().isUp(id)) {
                t.run("restart " + id);
            }
        }
        t.agree("end", "1", t.all(), 10000);
        t.tick(1000);
        List<String> breaches = t.breaches();
        if (!breaches.isEmpty()) {
            throw new Failed(breaches.get(0));
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static List<Integer> without(List<Integer> ids, int id) {
        List<Integer> out = new ArrayList<>(ids);
        out.remove(Integer.valueOf(id));
        return out;
    }

    private static List<Integer> without(List<Integer> ids, List<Integer> gone) {
        List<Integer> out = new ArrayList<>(ids);
        out.removeAll(gone);
        return out;
    }

    private static long maxCommit(Trial t) {
        long max = 0;
        for (int id : t.up()) {
            RaftNode n = t.node(id);
            max = Math.max(max, n.commitIndex());
        }
        return max;
    }
}
