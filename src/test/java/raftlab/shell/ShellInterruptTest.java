package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import raftlab.sim.Interrupts;

/**
 * Defect 1 through the shell: Ctrl-C (the terminal's INT signal) while a command runs stops that command and
 * returns to the prompt; the session goes on. The signal is raised on the terminal as the system terminal would.
 */
class ShellInterruptTest {
    @AfterEach
    void clear() {
        Interrupts.clear();
    }

    @Test
    void ctrlCStopsTheRunningCommandAndTheSessionGoesOn() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8)) {
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                    () -> Shell.run(t, new Shell.Settings(false, false, null, () -> 0L)));
            typing.write("crash 1\ncrash 2\ncrash 3\nrun until leader --max 100000000\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            Thread.sleep(500);
            t.raise(Terminal.Signal.INT);
            typing.write("now\nquit\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertEquals(1, (int) code.get(), "piped input that met Ctrl-C exits 1");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*lab> run until leader --max 100000000\n(.*\n)?interrupted at \\[\\d+ms]\nlab> now\n"
                + "now \\d+ms\nlab> quit\n"), text.substring(Math.max(0, text.length() - 2000)));
    }
}
