package raftlab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picture commands from Groovy: named arguments spell their options, and a script may export. */
class PictureScriptTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(Path file, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = ScriptRunner.runFile(file, args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void timelineAndPlotTakeGroovyArguments() throws Exception {
        Path script = dir.resolve("t.groovy");
        Files.writeString(script, "run 'until', 'leader'\ntimeline nodes: [2, 1], types: ['RV', 'role'], to: 200\n"
                + "plot([150, 160, 170], [150, 300], labels: ['a', 'b'], line: true)\n");
        Result r = run(script);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("> timeline --nodes 2,1 --types RV,role --to 200\n"), r.out());
        assertTrue(r.out().contains(" time n2 "), r.out());
        assertTrue(r.out().contains("> plot 150,160,170 150,300 --labels a,b --line\n"), r.out());
        assertTrue(r.out().contains("# a: n=3 min=150 median=160"), r.out());
    }

    @Test
    void theDemoBehindTheReadmeScreenshotStillRuns() throws Exception {
        Path page = dir.resolve("player.html");
        Result r = run(Path.of("docs", "player-demo.groovy"), page.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(page);
        assertTrue(html.contains("<script type=\"application/json\" id=\"run-data\">{\"title\":"), "the run is inside");
        assertTrue(html.contains("removes 2 conflicting entries"), "the demo still shows the old leader's log repaired");
    }
}
