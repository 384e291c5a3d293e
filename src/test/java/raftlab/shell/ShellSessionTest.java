package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

import raftlab.lab.Lab;

/** The shell driven as piped input drives it: a dumb terminal over byte streams. */
class ShellSessionTest {
    /** What a session printed, and its exit code. */
    record Run(int code, String out) {
        List<String> lines() {
            return List.of(out.split("\n", -1));
        }
    }

    static Run session(String input, boolean colour) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            int code = Shell.run(t, new Shell.Settings(false, colour, null, () -> 0L));
            t.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        }
    }

    /** As {@link #session} but as if a person typed at a terminal (the automatic clock is allowed). */
    static Run interactiveSession(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            int code = Shell.run(t, new Shell.Settings(true, false, null, () -> 0L));
            t.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        }
    }

    static Run session(String input) throws IOException {
        return session(input, false);
    }

    /** The lines a plain lab prints for these commands, each echoed after the prompt as the shell does. */
    static List<String> plainLab(String... commands) {
        Lab lab = new Lab();
        List<String> lines = new ArrayList<>(List.of(Shell.BANNER));
        lines.addAll(lab.lastOutput().lines());
        for (String c : commands) {
            lines.add((Shell.PROMPT + c).stripTrailing());
            lines.addAll(lab.execute(c).lines());
        }
        lines.add("");
        return lines;
    }

    @Test
    void aSessionPrintsWhatTheLabPrintsEchoingEachLine() throws IOException {
        Run r = session("tick 400\nput x 1\ntick 100\n# a comment\n\nstatus\nlog\n");
        assertEquals(0, r.code());
        assertEquals(plainLab("tick 400", "put x 1", "tick 100", "# a comment", "", "status", "log"), r.lines());
    }

    @Test
    void aBadCommandPrintsOneLineAndTheClusterIsUnharmed() throws IOException {
        Run r = session("tick 400\nfrobnicate 1 2\ncrash 9\nput x\ntick 100\nstatus\n");
        assertEquals(1, r.code(), "a piped session that met errors exits 1");
        List<String> errors = r.lines().stream().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(List.of(
                "error: unknown command 'frobnicate'; type `help` for the list",
                "error: no node 9; nodes are 1..5",
                "error: put: V is missing; usage: put [--to N] K V"), errors);
        // Without the bad lines, the same good commands give the same status and log.
        List<String> good = plainLab("tick 400", "tick 100", "status");
        List<String> got = new ArrayList<>(r.lines());
        got.removeIf(l -> l.startsWith("error: ") || l.equals("lab> frobnicate 1 2") || l.equals("lab> crash 9")
                || l.equals("lab> put x"));
        assertEquals(good, got);
    }

    @Test
    void quitLeavesWithZeroAndRunsNothingAfter() throws IOException {
        Run r = session("now\nquit\nnow\n");
        assertEquals(0, r.code());
        assertEquals(List.of(Shell.BANNER, r.lines().get(1), "lab> now", "now 0ms", "lab> quit", ""), r.lines());
    }

    @Test
    void endOfInputLeavesWithZero() throws IOException {
        Run r = session("");
        assertEquals(0, r.code());
        assertEquals(List.of(Shell.BANNER,
                "cluster of 5 nodes, seed 1, election 150..300ms, heartbeat 50ms, latency 1..5ms", ""), r.lines());
    }

    @Test
    void aLastLineWithoutNewlineStillRuns() throws IOException {
        Run r = session("tick 400\nnow");
        assertEquals(0, r.code());
        assertTrue(r.out().endsWith("lab> now\nnow 400ms\n"), r.out());
    }

    @Test
    void historyMarksAreNotExpanded() throws IOException {
        Run r = session("tick 400\nput x hi!\ntick 50\nget x\ntick 50\n");
        assertTrue(r.out().contains("value \"hi!\""), r.out());
    }

    @Test
    void noEscapeCodesWhenColourIsOff() throws IOException {
        Run r = session("tick 400\nfrobnicate\ncrash 4\ntick 400\nput x 1\ntick 100\n", false);
        assertTrue(r.out().contains("becomes leader"), r.out());
        assertTrue(r.out().contains("error: "), r.out());
        assertFalse(r.out().contains("\u001b"), "escape code in: " + r.out());
    }

    @Test
    void aDumbTerminalGetsNoEscapeCodesEvenWithColourOn() throws IOException {
        Run r = session("tick 400\nfrobnicate\n", true);
        assertTrue(r.out().contains("becomes leader"), r.out());
        assertFalse(r.out().contains("\u001b"), "escape code in: " + r.out());
    }

    /** Defect 6: the automatic clock on piped input made piped output depend on real time. */
    @Test
    void clockAutoIsRefusedOnPipedInput() throws IOException {
        Run r = session("clock auto\ncrash 1\nnow\n");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("lab> clock auto\nerror: clock auto needs a person at a terminal;"), r.out());
        assertTrue(r.out().contains("now 0ms"), r.out());
    }

    /** Defect 13: a piped session that met no error exits 0 (one that did, 1: see above). */
    @Test
    void aCleanPipedSessionExitsZero() throws IOException {
        assertEquals(0, session("tick 400\nstatus\n").code());
    }

    @Test
    void clockAutoWorksInTheShell() throws IOException {
        // The fake real-time source never moves, so the clock runs but no virtual time passes.
        Run r = interactiveSession("clock auto --rate 0.5\npause\nresume\nclock manual\nnow\n");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("clock auto at 0ms: 0.5 virtual ms per real ms"), r.out());
        assertTrue(r.out().contains("paused at 0ms"), r.out());
        assertTrue(r.out().contains("resumed at 0ms"), r.out());
        assertTrue(r.out().contains("clock manual at 0ms"), r.out());
        assertFalse(r.out().contains("error"), r.out());
    }
}
