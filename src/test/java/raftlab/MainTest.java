package raftlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lab} program's arguments: version, help, replay with its diff and exit codes, one-shot commands. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version"));
        assertEquals("raft-lab 0.1.0\n", out());
        assertEquals(0, run("--help"));
        assertTrue(out().contains("lab replay FILE.txt"));
    }

    @Test
    void unknownArgumentIsExitTwoWithUsage() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lab: unknown argument 'frobnicate'"));
    }

    @Test
    void replayIsSilentWhenIdenticalAndPrintsADiffWhenNot(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, "> now\nnow 0ms\n");
        assertEquals(0, run("replay", good.toString()));
        assertTrue(out().contains("identical"));
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "# a comment survives\n> now\nnow 5ms\n");
        out.reset();
        assertEquals(1, run("replay", bad.toString()));
        assertTrue(out().contains("-now 5ms\n+now 0ms\n"), out());
        assertEquals(2, run("replay", dir.resolve("missing.txt").toString()));
    }

    @Test
    void aLabCommandRunsOnceInAFreshLab() {
        assertEquals(0, run("status"));
        assertTrue(out().startsWith("time 0ms, seed 1\n"), out());
        out.reset();
        assertEquals(1, run("tick", "soon"));
        assertTrue(out().startsWith("error: tick: MS takes a whole number, not 'soon'"), out());
    }

    /** Defect 13: failing seeds or a breach exit 1, so CI can tell. */
    @Test
    void failingSeedsAndBreachesExitOne() {
        assertEquals(1, run("explore", "--seeds", "1..3", "--bug", "naive-seed", "--threads", "1"));
        assertTrue(out().contains("3 failed"), out());
        out.reset();
        assertEquals(0, run("explore", "--seeds", "1..2", "--threads", "1"));
        assertEquals(1, run("replay", "--seed", "1", "--bug", "naive-seed"));
        assertEquals(0, run("replay", "--seed", "1"));
    }

    /** Defect 7: `lab run until leader` was read as a script called "until". */
    @Test
    void runUntilIsTheLabCommandAndRunFileIsAScript(@TempDir Path dir) throws Exception {
        assertEquals(0, run("run", "until", "leader"));
        String reached = "(?s).*\nrun until leader: reached at \\d+ms, after \\d+ms \\(leader n\\d\\)\n";
        assertTrue(out().matches(reached), out());
        out.reset();
        assertEquals(0, run("cmd", "run", "until", "leader"));
        assertTrue(out().matches(reached), out());
        assertEquals(2, run("run", dir.resolve("missing.groovy").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
    }

    /** Defect 8: CRLF line endings failed every line, with a diff that looked identical. */
    @Test
    void crlfTranscriptsReplayAndTheDifferenceIsNamed(@TempDir Path dir) throws Exception {
        Path crlf = dir.resolve("crlf.txt");
        Files.writeString(crlf, "# windows\r\n> now\r\nnow 0ms\r\n");
        assertEquals(0, run("replay", crlf.toString()), out());
        assertTrue(out().contains("identical") && out().contains("CRLF"), out());
        out.reset();
        Files.writeString(crlf, "> now\r\nnow 5ms\r\n");
        assertEquals(1, run("replay", crlf.toString()));
        assertTrue(out().contains("-now 5ms\n+now 0ms\n"), out());
    }

    /** Defect 11: a file that is not UTF-8 said only "Input length = 1". */
    @Test
    void aFileThatIsNotUtf8IsNamedAsSuch(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("latin1.txt");
        Files.write(bad, new byte[] {'>', ' ', 'n', 'o', 'w', '\n', (byte) 0xE9, '\n'});
        assertEquals(2, run("replay", bad.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("latin1.txt:2: not UTF-8 text"), e);
    }

    /** Rough edge: `replay FILE --update` fills in the expected output of a hand-written transcript. */
    @Test
    void replayUpdateFillsInTheOutputAndShowsTheDiff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hand.txt");
        Files.writeString(file, "# written by hand\n> tick 170  # the first election\n> now\n");
        assertEquals(0, run("replay", file.toString(), "--update"));
        assertTrue(out().contains("+now 170ms\n") && out().contains("updated " + file), out());
        String filled = Files.readString(file);
        assertTrue(filled.startsWith("# written by hand\n> tick 170  # the first election\n["), filled);
        assertTrue(filled.endsWith("> now\nnow 170ms\n"), filled);
        out.reset();
        assertEquals(0, run("replay", file.toString()));
        assertTrue(out().contains("identical"), out());
    }

    /** Issue 8 §8: --debug is accepted before anything (it shows internal errors' stack traces). */
    @Test
    void debugSwitchComesFirst() {
        try {
            assertEquals(0, run("--debug", "--version"));
            assertEquals("raft-lab 0.1.0\n", out());
        } finally {
            raftlab.lab.Lab.setDebug(false);
        }
    }

    /** File errors name the line: a transcript line that is neither command, comment nor output. */
    @Test
    void aBadTranscriptLineIsNamedByNumber(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "# fine\nhello\n> now\n");
        assertEquals(2, run("replay", bad.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.txt: line 2: 'hello' is neither a command"),
                err.toString(StandardCharsets.UTF_8));
    }
}
