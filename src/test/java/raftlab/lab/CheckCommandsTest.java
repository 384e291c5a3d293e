package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CheckCommandsTest {
    private static String error(String line) {
        Lab lab = new Lab();
        Output o = lab.execute(line);
        assertEquals(1, o.lines().size(), o.text());
        assertTrue(o.lines().get(0).startsWith("error: "), o.text());
        return lab.lastError();
    }

    @Test
    void badInputGivesOneLine() {
        assertTrue(error("bug nope on").contains("no bug 'nope'; bugs are naive-seed, commit-old-term"));
        assertTrue(error("bug forget-vote maybe").contains("takes on or off"));
        assertTrue(error("explore --seeds 5..1").contains("not a seed range"));
        assertTrue(error("explore --seeds x..3").contains("not a seed range"));
        assertTrue(error("explore --seeds 1..3 --faults partition,meteor").contains("unknown fault kind 'meteor'"));
        assertTrue(error("explore --seeds 1..3 --bug nope").contains("no bug 'nope'"));
        assertTrue(error("explore --seeds 1..3 --nodes 2").contains("--nodes takes 3..9"));
        assertTrue(error("replay").contains("--seed"));
        assertTrue(error("clients -1").contains("0..100"));
        assertTrue(error("clients many").contains("not 'many'"));
        assertTrue(error("check maybe").contains("on or off"));
        assertTrue(error("history --last -2").contains("--last"));
    }

    @Test
    void bugsListsEveryBugAndWhichAreOn() {
        Lab lab = new Lab();
        lab.execute("bug commit-old-term on");
        List<String> lines = lab.execute("bugs").lines();
        assertEquals(1 + raftlab.raft.Bug.values().length, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("commit-old-term") && l.contains(" on ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("forget-vote") && l.contains(" off ")), lines.toString());
    }

    @Test
    void clientsRecordAHistoryThatChecksAsLinearizableAndRepeats() {
        String first = session();
        assertEquals(first, session());
        assertTrue(first.contains("safe (checked after every event); history of"), first);
    }

    private static String session() {
        Lab lab = new Lab();
        StringBuilder sb = new StringBuilder();
        for (String l : List.of("tick 400", "clients 2 --keys 2 --rate 20", "put x 1", "tick 1000", "clients stop",
                "tick 600", "check", "history --last 4")) {
            sb.append(lab.execute(l).text());
        }
        assertTrue(lab.breaches().isEmpty());
        return sb.toString();
    }

    @Test
    void checkOffStillJudgesThePresent() {
        Lab lab = new Lab();
        assertEquals("checks off: `check` still judges the present state on demand", lab.execute("check off").text().strip());
        lab.execute("tick 500");
        assertEquals("safe (present state only)", lab.execute("check").text().strip());
    }

    @Test
    void withChecksOffCheckSaysItJudgedThePresentStateOnly() {
        Lab lab = new Lab();
        lab.execute("check off");
        lab.execute("tick 500");
        raftlab.raft.Entry a = new raftlab.raft.Entry(9, new raftlab.raft.Command(raftlab.raft.CommandKind.PUT, "x", "1", 1));
        raftlab.raft.Entry b = new raftlab.raft.Entry(9, new raftlab.raft.Command(raftlab.raft.CommandKind.PUT, "x", "2", 2));
        onDisk(lab.cluster().disk(1), a);
        onDisk(lab.cluster().disk(2), b);
        List<String> out = lab.execute("check").lines();
        assertEquals("checks are off, so this judged the present state only (`check on` watches every event):",
                out.get(0), out.toString());
        assertTrue(out.get(1).contains("SAFETY BREACH: Log Matching"), out.toString());
    }

    @Test
    void afterTheFirstBreachLaterBreachesAreStillReported() {
        // forget-vote: n3 votes for n1, reboots, and votes for n2 too; both lead term 1.
        Lab lab = new Lab();
        for (String l : List.of("cluster 3 --seed 1", "bug forget-vote on", "hold on", "timeout 1", "timeout 2",
                "deliver --from 1 --to 3", "crash 3", "restart 3", "deliver --from 2 --to 3")) {
            lab.execute(l);
        }
        assertTrue(lab.execute("deliver --all").text().contains("SAFETY BREACH: Election Safety"));
        lab.execute("put x 1 --to 1");
        // The second leader writes a different entry at the same index and term: a new breach, reported at once.
        String second = lab.execute("put x 2 --to 2").text();
        assertTrue(second.contains("SAFETY BREACH: Log Matching"), second);
        List<String> all = lab.breaches();
        assertEquals(2, all.size(), all.toString());
        assertTrue(lab.execute("tick 10").text().indexOf("SAFETY BREACH: Log Matching") < 0, "reported once");
    }

    @Test
    void drainedClientsFinishWithOneFinalWriteAndStop() {
        Lab lab = new Lab();
        lab.execute("tick 400");
        lab.execute("clients 2 --keys 2 --rate 20");
        lab.execute("tick 500");
        String drain = lab.execute("clients drain").text();
        assertTrue(drain.startsWith("clients draining: they start no new operation; "), drain);
        lab.execute("tick 1000");
        List<String> before = lab.execute("history").lines();
        lab.execute("tick 1000");
        assertEquals(before, lab.execute("history").lines(), "drained clients started more operations");
        assertTrue(before.stream().noneMatch(l -> l.contains("no answer yet")), before.toString());
        // Each client's last operation is its final write, a put on k1.
        for (String client : List.of(" c1 ", " c2 ")) {
            String last = before.stream().filter(l -> l.contains(client)).reduce((a, b) -> b).orElseThrow();
            assertTrue(last.contains(client + "put(k1, "), last);
        }
    }

    @Test
    void exploreAndReplayFromTheLab() {
        Lab lab = new Lab();
        lab.setReplaying(true); // no wall-clock line
        List<String> out = lab.execute("explore --seeds 1..3 --time 2000 --bug early-apply --threads 1").lines();
        String summary = out.stream().filter(l -> l.startsWith("explored seeds 1..3: 3 schedules, ")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line in " + out));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) failed \\(first: seed (\\d+)\\)")
                .matcher(summary);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 1, summary);
        String seed = m.group(2);
        List<String> replay = lab.execute("replay --seed " + seed + " --time 2000 --bug early-apply").lines();
        assertTrue(replay.get(0).startsWith("seed " + seed + " fails (unsafe): Applied <= Committed; shrunk from"),
                replay.toString());
        assertTrue(replay.stream().anyMatch(l -> l.contains("SAFETY BREACH: Applied <= Committed")), replay.toString());
        // A transcript or script must not write files.
        assertTrue(lab.execute("replay --seed 1 --save x.txt").text().contains("not available while replaying"));
    }

    /** Puts an entry at the end of a disk behind its node's back, as a corrupting bug would. */
    private static void onDisk(raftlab.raft.PersistentState disk, raftlab.raft.Entry e) {
        disk.apply(new raftlab.raft.DiskWrite(disk.currentTerm(), disk.votedFor(), disk.log().lastIndex(),
                List.of(e)));
    }
}
