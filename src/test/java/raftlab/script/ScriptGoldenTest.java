package raftlab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import raftlab.testing.Golden;

/**
 * One test per scripts/*.groovy: run it in-process on a fresh lab and compare its output with scripts/NAME.out,
 * byte for byte. Each script asserts the Raft property it teaches, so the exit code must be 0 too.
 */
class ScriptGoldenTest {
    @TestFactory
    Stream<DynamicTest> everyScriptPrintsItsSavedOutput() {
        List<Path> files = Golden.files("scripts", ".groovy");
        assertFalse(files.isEmpty(), "no scripts found in scripts/");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = ScriptRunner.runFile(f, new String[0], o, e);
            }
            String name = f.getFileName().toString().replaceAll("\\.groovy$", ".out");
            Golden.compare(f.resolveSibling(name), out.toString(StandardCharsets.UTF_8));
            assertEquals("", err.toString(StandardCharsets.UTF_8), f + " wrote to stderr");
            assertEquals(0, code, f + " exit code");
        }));
    }
}
