package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 9: record overwrote any file silently, did not expand ~, and hid why a write failed. */
class RecordTest {
    @Test
    void recordRefusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.groovy");
        Files.writeString(file, "tick 400\n");
        Lab lab = new Lab();
        lab.execute("tick 10");
        Output o = lab.execute("record " + file);
        assertEquals("error: " + file + " exists; `record " + file + " --force` replaces it", o.text().strip());
        assertEquals("tick 400\n", Files.readString(file));
        o = lab.execute("record " + file + " --force");
        assertNull(lab.lastError(), o.text());
        assertTrue(Files.readString(file).startsWith("> tick 10\n"));
    }

    @Test
    void recordSaysHowManyCommandsAndLines(@TempDir Path dir) throws Exception {
        Lab lab = new Lab();
        lab.execute("# hello");
        lab.execute("tick 400");
        Path file = dir.resolve("s.txt");
        String said = lab.execute("record " + file).text().strip();
        long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        assertEquals("recorded 1 command (" + lines + " lines) to " + file, said);
    }

    @Test
    void recordExpandsTildeAndNamesTheReasonOnFailure(@TempDir Path dir) {
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", dir.toString());
            Lab lab = new Lab();
            lab.execute("tick 5");
            lab.execute("record ~/t.txt");
            assertNull(lab.lastError());
            assertTrue(Files.exists(dir.resolve("t.txt")));
        } finally {
            System.setProperty("user.home", home);
        }
        Lab lab = new Lab();
        lab.execute("record " + dir.resolve("no/such/dir/x.txt"));
        assertTrue(lab.lastError().contains("does not exist"), lab.lastError());
        lab.execute("record " + dir);
        assertTrue(lab.lastError().contains("is a folder"), lab.lastError());
        if (Files.isDirectory(Path.of("/proc/self"))) {
            lab.execute("record /proc/x");
            assertTrue(lab.lastError().startsWith("cannot write /proc/x: ") && !lab.lastError().endsWith(": /proc/x"),
                    lab.lastError());
        }
    }

    @Test
    void replaySaveRefusesToOverwriteToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keep.txt");
        Files.writeString(file, "mine\n");
        Lab lab = new Lab();
        lab.execute("replay --seed 1 --bug naive-seed --save " + file);
        assertEquals(file + " exists; add --force to replace it", lab.lastError());
        assertEquals("mine\n", Files.readString(file));
        lab.execute("replay --seed 1 --bug naive-seed --save " + file + " --force");
        assertNull(lab.lastError());
        assertTrue(Files.readString(file).startsWith("# Found by `replay --seed 1"));
    }

    @Test
    void recordNotesAnInterruptedCommand(@TempDir Path dir) {
        Lab lab = new Lab();
        raftlab.sim.Interrupts.request();
        try {
            assertTrue(lab.execute("tick 1000").text().startsWith("interrupted at [0ms]"));
        } finally {
            raftlab.sim.Interrupts.clear();
        }
        String said = lab.execute("record " + dir.resolve("t.txt")).text();
        assertTrue(said.contains("note: 1 command was interrupted with Ctrl-C"), said);
    }
}
