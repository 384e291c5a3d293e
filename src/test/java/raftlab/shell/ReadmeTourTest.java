package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The README's tour must paste line by line into {@code ./lab} without an error (issue 7, defect 10: its inline
 * comments used to be errors). The block is read from README.md itself, so the test follows the document.
 */
class ReadmeTourTest {
    @Test
    void theTourPastesIntoTheShellWithoutAnError() throws Exception {
        StringBuilder typed = new StringBuilder();
        int commands = 0;
        for (String line : ReadmeBlocks.block("## A short tour")) {
            assertTrue(line.startsWith("lab> "), "a tour line should read as typed at the prompt: " + line);
            typed.append(line.substring("lab> ".length())).append('\n');
            commands++;
        }
        assertTrue(commands >= 8, "the tour has " + commands + " lines");
        ShellSessionTest.Run r = ShellSessionTest.session(typed.toString());
        List<String> errors = r.lines().stream().filter(l -> l.startsWith("error:")).toList();
        assertEquals(List.of(), errors, r.out());
        assertEquals(0, r.code());
    }
}
