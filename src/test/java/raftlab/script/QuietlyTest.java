package raftlab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code quietly { ... }} runs commands without printing them; long echoed lines are cut. */
class QuietlyTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = ScriptRunner.run("q.groovy", text, new String[0], o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandsInsideRunButPrintNothing() {
        Result r = run("def t = quietly { tick 400; now() }\nprintln \"t=$t\"\nnow\n");
        assertEquals(0, r.code(), r.err());
        assertEquals("t=400\n> now\nnow 400ms\n", r.out());
    }

    @Test
    void aFailingCommandInsideStillStopsTheScript() {
        Result r = run("quietly {\n  crash 9\n}\nprintln 'not reached'\n");
        assertEquals(1, r.code());
        assertFalse(r.out().contains("not reached"));
        assertTrue(r.err().startsWith("q.groovy:2: error: no node 9"), r.err());
    }

    @Test
    void aVeryLongCommandLineIsEchoedCut() {
        String line = "plot " + "1,".repeat(200) + "1"; // 406 characters
        assertEquals(line.substring(0, 150) + "... (256 more characters)", LabScript.clip(line));
        assertEquals("tick 5", LabScript.clip("tick 5"));
    }
}
