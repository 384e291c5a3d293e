package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** timeline, export and plot as commands: their answers, their refusals, and the width they fit. */
class PictureCommandsTest {
    @TempDir
    Path dir;

    private static Lab electedLab() {
        Lab lab = new Lab();
        lab.execute("run until leader");
        lab.execute("put x 1");
        lab.execute("tick 50");
        return lab;
    }

    @ParameterizedTest
    @ValueSource(strings = {"timeline --from 10 --to 5", "timeline --from -1", "timeline --nodes 9",
        "timeline --nodes 1,1", "timeline --types Foo", "timeline --width 10", "timeline --nodes x",
        "export pdf out.pdf", "export html", "export html /no/such/folder/x.html", "plot", "plot abc", "plot 1,2,x",
        "plot 1,2 3,4 --labels a", "plot --bins 0 1,2", "plot 1,2,3 --width 5", "plot 1,2 1,2 1,2 1,2 1,2"})
    void badInputIsOneErrorLineAndChangesNothing(String bad) {
        Lab lab = electedLab();
        String before = String.join("\n", lab.execute("status").lines());
        Output out = lab.execute(bad);
        assertEquals(1, out.lines().size(), () -> "`" + bad + "` printed " + out.lines());
        assertTrue(out.lines().get(0).startsWith("error: "), out.lines().get(0));
        assertEquals(before, String.join("\n", lab.execute("status").lines()));
    }

    @Test
    void timelineFitsTheTerminalAndAFixedWidthWhenReplaying() {
        Lab lab = electedLab();
        lab.setTerminalWidth(() -> 64);
        List<String> narrow = lab.execute("timeline").lines();
        assertTrue(narrow.size() > 20, narrow.toString());
        assertTrue(narrow.stream().allMatch(l -> l.length() <= 64), narrow.toString());
        assertTrue(narrow.stream().anyMatch(l -> l.length() > 56), "uses the width it has");
        lab.setReplaying(true);
        List<String> fixed = lab.execute("timeline").lines();
        assertTrue(fixed.stream().allMatch(l -> l.length() <= 100));
        assertTrue(fixed.stream().anyMatch(l -> l.length() > 64), "a transcript gets the fixed width, 100");
        assertFalse(String.join("\n", fixed).contains("\u001b"), "no escape codes");
    }

    @Test
    void exportWritesTheFileItIsGivenAndOnlyThat() throws Exception {
        Lab lab = electedLab();
        for (String format : List.of("html", "svg", "shiviz", "mermaid", "json")) {
            Path file = dir.resolve("run." + format);
            Output out = lab.execute("export " + format + " " + file);
            assertEquals(null, lab.lastError(), out.text());
            assertTrue(out.lines().get(0).startsWith("exported " + format + " to " + file + ": "), out.text());
            assertTrue(Files.size(file) > 500, format + " has content");
        }
        try (var files = Files.list(dir)) {
            assertEquals(5, files.count(), "nothing else was written");
        }
    }

    @Test
    void aTranscriptMayNotExportButAScriptMay() {
        Lab lab = electedLab();
        lab.setReplaying(true);
        Path file = dir.resolve("t.html");
        assertEquals(List.of("error: export is not available while replaying a transcript"),
                lab.execute("export html " + file).lines());
        assertFalse(Files.exists(file));
        lab.allowExports(true);
        lab.execute("export html " + file);
        assertTrue(Files.exists(file));
    }

    @Test
    void aRecordedSessionKeepsAnExportAsACommentSoItReplays() {
        Lab lab = electedLab();
        lab.execute("export json " + dir.resolve("r.json"));
        lab.execute("timeline --to 200");
        String transcript = Transcript.render(lab.session());
        assertTrue(transcript.contains("\n# export json " + dir.resolve("r.json") + "\n"), transcript);
        assertEquals(transcript, Transcript.replay(transcript));
    }

    @Test
    void plotDrawsAHistogramOrALine() {
        Lab lab = new Lab();
        List<String> hist = lab.execute("plot 1,2,2,3,3,3 --title counts --unit ms").lines();
        assertEquals("counts", hist.get(0));
        assertEquals("# values: n=6 min=1ms median=2ms mean=2.33ms p90=3ms max=3ms", hist.get(1));
        assertTrue(hist.stream().anyMatch(l -> l.endsWith(" 3")), hist.toString());
        List<String> line = lab.execute("plot 5 4 3 2 1 --line").lines();
        assertTrue(line.get(1).startsWith("5 | #"), line.toString());
    }
}
