package raftlab.byo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import raftlab.lab.Lab;
import raftlab.lab.Output;

/**
 * Loading a learner's node and holding it to the contract: a compile error is a few {@code file:line: message}
 * lines; a node that throws, loops, sends malformed effects or forgets to persist stops the run with one line naming
 * the node, the step and the problem; the lab stays usable. Each broken node is the skeleton with one line changed.
 */
class ImplementationTest {
    private static final String SKELETON = "examples/skeleton/MyRaft.java";
    private static final String ELECTION_TODO = "            // TODO: become a candidate: next term, vote for yourself"
            + " (and persist both), ask every other voter\n";

    @TempDir
    Path dir;

    /** The skeleton renamed to {@code name}, with {@code code} run when its election timer fires. */
    private Path variant(String name, String code) throws IOException {
        String src = Files.readString(Path.of(SKELETON));
        assertTrue(src.contains(ELECTION_TODO), "the skeleton changed; update this test");
        src = src.replace("MyRaft", name).replace(ELECTION_TODO, "            " + code + "\n");
        Path p = dir.resolve(name + ".java");
        Files.writeString(p, src);
        return p;
    }

    private static List<String> run(Lab lab, String line) {
        Output o = lab.execute(line);
        return o.lines();
    }

    /** The status table's first node row, to show the cluster is still there and answering. */
    private static String statusWorks(Lab lab) {
        List<String> s = run(lab, "status");
        assertEquals(null, lab.lastError(), s.toString());
        return s.get(2);
    }

    @Test
    void theSkeletonRunsAndNeverElects() {
        Lab lab = new Lab();
        assertEquals(List.of("cluster of 3 nodes, seed 1, election 150..300ms, heartbeat 50ms, latency 1..5ms,"
                + " running MyRaft"), run(lab, "cluster 3 --impl " + SKELETON));
        run(lab, "tick 2000");
        assertEquals(0, lab.cluster().leader());
        assertTrue(statusWorks(lab).startsWith("n1    up     follower     0"), statusWorks(lab));
    }

    @Test
    void aCompileErrorIsAFewFileLineMessageLinesAndTheClusterStays() throws IOException {
        Path bad = variant("Broken", "int x = ;");
        Lab lab = new Lab();
        List<String> out = run(lab, "cluster 3 --impl " + bad);
        assertEquals(2, out.size(), out.toString());
        assertEquals("error: " + bad + " does not compile (1 error)", out.get(0));
        assertTrue(out.get(1).matches(java.util.regex.Pattern.quote(bad.toString()) + ":\\d+: illegal start of"
                + " expression"), out.get(1));
        assertEquals(5, lab.cluster().size()); // the default cluster is still there
    }

    @Test
    void aNodeThatThrowsStopsTheRunWithOneLine() throws IOException {
        Path p = variant("Thrower", "String s = null; s.length();");
        Lab lab = new Lab();
        run(lab, "cluster 3 --impl " + p);
        List<String> out = run(lab, "tick 1000");
        String line = out.get(out.size() - 1);
        assertTrue(line.matches("error: n\\d \\(Thrower\\) failed while handling its election timeout: threw"
                + " NullPointerException.* at Thrower\\.java:\\d+"), line);
        statusWorks(lab);
        // The node stays failed: the run cannot go on, and says so.
        List<String> again = run(lab, "tick 1000");
        assertEquals(List.of(line + " (the run stopped there; start again with `cluster`)"), again);
        run(lab, "cluster 3"); // and a new cluster of the lab's own core works
        run(lab, "tick 1000");
        assertTrue(lab.cluster().leader() != 0);
    }

    @Test
    void aStepThatNeverReturnsIsStopped() throws IOException {
        Path p = variant("Looper", "while (currentTerm >= 0) { lastApplied = lastApplied; }");
        Lab lab = new Lab();
        run(lab, "cluster 3 --impl " + p);
        List<String> out = run(lab, "tick 1000");
        String line = out.get(out.size() - 1);
        assertTrue(line.matches("error: n\\d \\(Looper\\) failed while handling its election timeout: did not return"
                + " within 2000 ms of real time \\(an endless loop\\?\\)"), line);
        statusWorks(lab);
    }

    @Test
    void aStateQueryThatNeverReturnsIsStopped() throws IOException {
        String src = Files.readString(Path.of(SKELETON)).replace("MyRaft", "SlowRole")
                .replace("        return role;\n", "        while (currentTerm >= 0) {\n            lastApplied = lastApplied;\n        }\n        return role;\n");
        Path p = dir.resolve("SlowRole.java");
        Files.writeString(p, src);
        Lab lab = new Lab();
        List<String> out = run(lab, "cluster 3 --impl " + p);
        assertEquals(List.of("error: n1 (SlowRole) failed while reporting its role: did not return within 2000 ms of"
                + " real time (an endless loop?)"), out);
        assertEquals(5, lab.cluster().size()); // the cluster before stays
    }

    @Test
    void aTermChangedWithoutADiskWriteIsCaught() throws IOException {
        Path p = variant("Forgetful", "currentTerm++;");
        Lab lab = new Lab();
        run(lab, "cluster 3 --impl " + p);
        List<String> out = run(lab, "tick 1000");
        assertTrue(out.get(out.size() - 1).contains("(Forgetful) failed while handling its election timeout: its term"
                + " and vote (1, 0) differ from what it wrote to disk (0, 0): persist them with a DiskWrite in the"
                + " same step"), out.toString());
    }

    @Test
    void malformedEffectsAreNamed() throws IOException {
        Path self = variant("SelfTalk", "out.send(new raftlab.raft.RequestVote(id(), id(), 0, 0, 0));");
        Lab lab = new Lab();
        run(lab, "cluster 3 --impl " + self);
        List<String> out = run(lab, "tick 1000");
        assertTrue(out.get(out.size() - 1).matches("error: n(\\d) \\(SelfTalk\\) failed while handling its election"
                + " timeout: it sends RequestVote to n\\1; send only to the other members of its configurations .*"), out.toString());
        Path zero = variant("ZeroTimer", "out.timer(TimerRequest.arm(TimerKind.HEARTBEAT, 0));");
        run(lab, "cluster 3 --impl " + zero);
        out = run(lab, "tick 1000");
        assertTrue(out.get(out.size() - 1).endsWith("it arms its heartbeat timer for 0 ms; arm for 1 ms or more (0 ms only for the flush timer)"),
                out.toString());
    }

    /** The whole vocabulary runs on a learner's node: each command succeeds, and safety holds throughout. */
    @Test
    void everyCommandWorksOnALearnersNode(@TempDir Path out) {
        Lab lab = new Lab();
        List<String> commands = List.of("cluster 5 --sync 2 --impl examples/complete/MyRaft.java", "tick 400",
                "status", "put x 1", "get x", "append x 2", "delete x", "tick 100", "log", "events --last 3",
                "stats", "net", "clients 3", "tick 500", "history --last 3", "hold on", "tick 60", "msgs",
                "deliver --type AppendEntries", "drop --all", "hold off", "partition 1,2 3,4,5", "tick 800", "heal",
                "isolate 2", "tick 300", "heal", "crash 3", "restart 3", "power-loss 4", "restart 4", "loss 0.1",
                "dupe 0.1", "net unreliable", "tick 1000", "net reliable", "clients stop", "timeout 1", "tick 1000",
                "check", "timeline --from 3000 --to 3100", "export html " + out.resolve("run.html"),
                "record " + out.resolve("session.txt"), "explore --seeds 1..5 --time 2000",
                "replay --seed 1 --time 2000");
        for (String c : commands) {
            List<String> printed = run(lab, c);
            assertEquals(null, lab.lastError(), c + " printed " + printed);
            for (String line : printed) {
                assertTrue(!line.contains("SAFETY BREACH") && !line.contains("NOT LINEARIZABLE"), c + ": " + line);
            }
        }
        assertTrue(Files.exists(out.resolve("run.html")) && Files.exists(out.resolve("session.txt")));
    }

    /** What `replay --save` writes keeps the implementation, so the saved transcript reruns the same code. */
    @Test
    void aSavedReplayRunsTheSameImplementation(@TempDir Path out) {
        Lab lab = new Lab();
        run(lab, "cluster 5 --impl examples/naive/NaiveRaft.java");
        Path saved = out.resolve("naive.txt");
        List<String> r = run(lab, "replay --seed 2 --save " + saved);
        assertTrue(r.get(r.size() - 1).startsWith("saved "), r.toString());
        String text;
        try {
            text = Files.readString(saved);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(text.contains("\n> cluster 5 --seed 2") && text.contains(" --impl examples/naive/NaiveRaft.java\n"),
                text);
        assertTrue(text.contains("SAFETY BREACH: Log Matching"), text);
    }

    @Test
    void explorePointsAtTheSeedWhereTheImplementationFailed() throws IOException {
        Path p = variant("Thrower", "String s = null; s.length();");
        Lab lab = new Lab();
        run(lab, "cluster 5 --impl " + p);
        List<String> out = run(lab, "explore --seeds 3..9 --threads 2");
        assertTrue(out.get(0).matches("error: seed 3: n\\d \\(Thrower\\) failed while handling its election timeout:"
                + " threw NullPointerException.*"), out.toString());
    }

    @Test
    void aClassFromAJarOnTheClassPath() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), SKELETON);
        assertEquals(0, rc);
        Path jar = dir.resolve("my.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("MyRaft.class"));
            try (OutputStream o = j) {
                Files.copy(classes.resolve("MyRaft.class"), o);
            }
        }
        Lab lab = new Lab();
        List<String> out = run(lab, "cluster 3 --classpath " + jar + " --impl MyRaft");
        assertTrue(out.get(0).endsWith("running MyRaft"), out.toString());
        List<String> missing = run(lab, "cluster 3 --classpath " + jar + " --impl NoSuch");
        assertEquals(List.of("error: no class NoSuch in " + jar + "; give its full name, with its package"), missing);
        List<String> notNode = run(lab, "cluster 3 --impl java.lang.String");
        assertEquals(List.of("error: java.lang.String does not implement raftlab.raft.RaftNode"), notNode);
        List<String> noImpl = run(lab, "cluster 3 --classpath " + jar);
        assertEquals(List.of("error: --classpath needs --impl CLASS, the class to run from it"), noImpl);
        assertTrue(lab.cluster().config().size() == 3 && lab.implOption().contains("--impl MyRaft"),
                "a refused cluster command leaves the cluster as it was");
    }
}
