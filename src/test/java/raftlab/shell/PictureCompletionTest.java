package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import raftlab.lab.Lab;

/** Tab completes the picture commands' fixed words and node ids. */
class PictureCompletionTest {
    private static final CommandLine TREE = new Lab().commands().tree();
    private final LabCompleter completer = new LabCompleter(() -> TREE, () -> new CompletionFacts(3, List.of()));

    private List<String> complete(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split(" ", -1)));
        return completer.complete(words, words.size() - 1, words.get(words.size() - 1));
    }

    @Test
    void exportFormatsAndTimelineNodes() {
        assertEquals(List.of("html", "json", "mermaid", "shiviz", "svg"), complete("export "));
        assertEquals(List.of("shiviz", "svg"), complete("export s"));
        assertEquals(List.of("1", "2", "3"), complete("timeline --nodes "));
        assertEquals(List.of("--from", "--nodes", "--to", "--types", "--width"), complete("timeline --"));
    }
}
