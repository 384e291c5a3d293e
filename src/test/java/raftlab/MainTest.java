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
        assertTrue(out().startsWith("error: tick: invalid value"), out());
    }
}
