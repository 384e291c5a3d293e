package raftlab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How scripts spell commands, and how they fail: one line naming the file, the line and the problem. */
class ScriptRunnerTest {
    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
    }

    static Result run(String script, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = ScriptRunner.run("scripts/t.groovy", script, args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command lines a script ran, as echoed. */
    static String commands(Result r) {
        StringBuilder sb = new StringBuilder();
        for (String line : r.out().split("\n")) {
            if (line.startsWith("> ")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void namedArgumentsBecomeLongOptionsAfterThePositionalOnes() {
        Result r = run(String.join("\n",
                "cluster 3, seed: 7, election: 150..300, noop: false",
                "cluster 3, noop: true",
                "run 'until', 'leader', max: 2000",
                "put 'x', 'a b', to: leader()",
                "hold true",
                "tick 60",
                "deliver all: true",
                "drop all: false, to: 2",
                "net 'unreliable', longReorder: true",
                "net 'reliable', longReorder: false",
                "partition([1], [2, 3])",
                "loss 0.25, from: 1"));
        assertEquals(0, r.code(), r.err());
        assertEquals(String.join("\n",
                "> cluster 3 --seed 7 --election 150..300 --noop off",
                "> cluster 3 --noop on",
                "> run until leader --max 2000",
                "> put x 'a b' --to 1",
                "> hold on",
                "> tick 60",
                "> deliver --all",
                "> drop --to 2",
                "> net unreliable --long-reorder",
                "> net reliable",
                "> partition 1 2,3",
                "> loss 0.25 --from 1", ""), commands(r));
    }

    @Test
    void bareWordsRunCommandsWithoutArguments() {
        Result r = run("cluster 3\ntick 400\nstatus\nstabilize\nheal\nnow\n");
        assertEquals(0, r.code(), r.err());
        assertEquals("> cluster 3\n> tick 400\n> status\n> stabilize\n> heal\n> now\n", commands(r));
        assertTrue(r.out().contains("now 400ms\n"), r.out());
    }

    @Test
    void messagesFromMsgsAreNamedByTheirIds() {
        Result r = run(String.join("\n",
                "cluster 3, seed: 2",
                "hold true",
                "timeout 1",
                "def votes = msgs()",
                "assert votes*.type == ['RequestVote', 'RequestVote']",
                "assert votes*.lastLogIndex == [0, 0] && votes*.voteGranted == [null, null]",
                "deliver votes.reverse()",
                "dup msgs()[0]",
                "println msgs()[0]"));
        assertEquals(0, r.code(), r.err());
        String ids = r.out().lines().filter(l -> l.startsWith("> deliver")).findFirst().orElse("");
        assertEquals("> deliver 2 1", ids);
        assertTrue(r.out().contains("> dup 3\n"), r.out());
        assertTrue(r.out().contains("\n#3 3->1 RequestVoteReply term=1 granted=true due@"), r.out());
    }

    @Test
    void queriesReturnValuesAndPrintNothing() {
        Result r = run(String.join("\n",
                "cluster 3, seed: 5",
                "assert leader() == null && leaders() == [] && now() == 0",
                "run 'until', 'quiet'",
                "def l = leader()",
                "assert node(l).role == 'leader' && node(l).log == [[index: 1, term: 1, command: 'noop']]",
                "crash l",
                "assert node(l).up == false && node(l).role == null && node(l).lastIndex == 1 && kv(l) == [:]",
                "assert msgs() instanceof List"));
        assertEquals(0, r.code(), r.err());
        // Only the commands echo: the queries and asserts printed nothing. Seed 5 elects n3.
        assertEquals("> cluster 3 --seed 5\n> run until quiet\n> crash 3\n", commands(r));
    }

    @Test
    void aScriptThatDoesNotCompileGetsOneLineWithFileAndLine() {
        Result r = run("cluster 3\ntick 10\nput 'x', \n)\n");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().matches("scripts/t\\.groovy:3: unexpected input: .*\\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aFailedAssertNamesTheLine() {
        Result r = run("cluster 3\n\nassert leader() == 1\nprintln 'not reached'\n");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("scripts/t.groovy:3: assertion failed: assert leader() == 1\n"), r.err());
        assertTrue(!r.out().contains("not reached"));
    }

    @Test
    void aFailingCommandStopsTheScriptWithFileAndLine() {
        Result r = run("cluster 3\ntick 5\ncrash 4\nprintln 'not reached'\n");
        assertEquals(1, r.code());
        assertEquals("scripts/t.groovy:3: error: no node 4; nodes are 1..3\n", r.err());
        assertTrue(r.out().endsWith("> crash 4\nerror: no node 4; nodes are 1..3\n"), r.out());
    }

    @Test
    void aBadQueryFailsTheSameWayInsideAClosure() {
        Result r = run("cluster 3\n[1, 2].each {\n  node(it * 4)\n}\n");
        assertEquals(1, r.code());
        assertEquals("scripts/t.groovy:3: error: no node 4; nodes are 1..3\n", r.err());
    }

    @Test
    void anUnknownMethodGetsTheShellsMessage() {
        Result r = run("cluster 3\ntik 5\n");
        assertEquals(1, r.code());
        assertEquals("scripts/t.groovy:2: error: unknown command 'tik', did you mean 'tick'?; type `help` for the list\n",
                r.err());
        Result bare = run("cluster 3\nstatis\n");
        assertEquals("scripts/t.groovy:2: error: no variable or command 'statis', did you mean 'status'?\n", bare.err());
    }

    @Test
    void argsHoldTheCommandLineArguments() {
        Result r = run("println args.toList()\ncluster args[0] as int, seed: args[1]\n", "3", "42");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("[3, 42]\n> cluster 3 --seed 42\ncluster of 3 nodes, seed 42"), r.out());
    }

    @Test
    void quitEndsTheScriptSuccessfully() {
        Result r = run("println 'a'\nquit\nprintln 'b'\n");
        assertEquals(0, r.code());
        assertEquals("a\n> quit\n", r.out());
    }

    @Test
    void aMissingFileIsAUsageError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScriptRunner.runFile(dir.resolve("nope.groovy"), new String[0], System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lab run: no such file "));
    }

    @Test
    void theReportedLineIsTheScriptFilesNotTheCallersOwn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deep.groovy");
        Files.writeString(f, "def go(n) {\n  if (n == 0) { restart 1 }\n  else go(n - 1)\n}\ncluster 3\ngo(3)\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScriptRunner.runFile(f, new String[0], new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals(f + ":2: error: n1 is already up; `crash 1` first\n", err.toString(StandardCharsets.UTF_8));
    }

    /** Defect 11: a missing } was reported past the end of the file, with \\n escapes in the message. */
    @Test
    void aMissingBraceIsReportedOnARealLineWithoutEscapes() {
        Result r = run("cluster 3\nif (true) {\n  tick 10\nnow\n");
        assertEquals(1, r.code());
        assertTrue(r.err().matches("scripts/t\\.groovy:[1-4]: .*\\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(!r.err().contains("\\n"), r.err());
        assertTrue(r.err().contains("}"), r.err());
    }

    /** Defect 11: a runtime error kept only its message; the exception's type says what kind of failure it was. */
    @Test
    void aRuntimeErrorKeepsTheExceptionType() {
        Result r = run("cluster 3\nthrow new IllegalStateException('deep')\n");
        assertEquals(1, r.code());
        assertEquals("scripts/t.groovy:2: error: IllegalStateException: deep\n", r.err());
    }

    /** Defect 11: control characters in a file are shown escaped, never sent raw to the terminal. */
    @Test
    void controlCharactersAreEscapedInErrors() {
        Result r = run("cluster 3\nlab_\u001b[2J\n");
        assertEquals(1, r.code());
        assertTrue(!r.err().contains("\u001b"), r.err());
        Result cmd = run("frob 'x\u0007'\n");
        assertTrue(!cmd.err().contains("\u0007") && !cmd.out().contains("\u0007"), cmd.err() + cmd.out());
    }

    /** Defect 11: a file that is not UTF-8. */
    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.groovy");
        Files.write(bad, new byte[] {'t', 'i', 'c', 'k', ' ', '1', '\n', '/', '/', (byte) 0xE9, '\n'});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScriptRunner.runFile(bad, new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(bad + ":2: not UTF-8 text"), err.toString());
    }

    /** Defect 10: now that "# " starts a comment in a command line, a value "#" must still get through. */
    @Test
    void aValueThatIsAHashIsNotAComment() {
        Result r = run("run 'until', 'leader'\nput 'x', '#'\nput 'y', '#1'\ntick 100\n"
                + "assert kv(leader()).x == '#' && kv(leader()).y == '#1'\n");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("> put x '#'\n"), r.out());
    }

    /** Defect 1 for scripts: Ctrl-C ends the script with one line and exit 130 (the shell's code for SIGINT). */
    @Test
    void anInterruptEndsTheScriptWith130() throws Exception {
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            raftlab.sim.Interrupts.request();
        });
        ctrlC.start();
        try {
            Result r = run("tick 400\ntick 100000000\nprintln 'not reached'\n");
            assertEquals(130, r.code(), r.err());
            assertTrue(r.err().matches("scripts/t\\.groovy:2: interrupted at \\[\\d+ms]\n"), r.err());
            assertTrue(!r.out().contains("not reached"));
        } finally {
            ctrlC.join();
            raftlab.sim.Interrupts.clear();
        }
    }

    /** A script's file name need not be a Java class name: long.groovy and my-test.groovy run too. */
    @Test
    void anyFileNameRuns() {
        for (String name : List.of("scripts/long.groovy", "scripts/my-test.groovy", "scripts/1st.groovy")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = ScriptRunner.run(name, "tick 10\nassert now() == 10\ncrash 9\n", new String[0],
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, code, name);
            assertEquals(name + ":3: error: no node 9; nodes are 1..5\n", err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Defect 10 for scripts: a shell line with its # comment runs as typed through cmd, and fails like a command. */
    @Test
    void cmdRunsAShellLineWithItsComment() {
        Result r = run("cmd 'tick 400   # the first election'\nassert leader() != null\ncmd 'crash 9  # no such node'\n");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("> tick 400   # the first election\n["), r.out());
        assertEquals("scripts/t.groovy:3: error: no node 9; nodes are 1..5\n", r.err());
    }
}
