package raftlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM flags the {@code lab} launcher picks for each kind of run. The launcher is copied into a scratch directory
 * beside an empty jar (so it never builds) and given a {@code java} that prints its arguments instead of running.
 *
 * <p>Why it matters: an AppCDS archive made by a full-JIT run (bench or explore) kept the simulation from ever being
 * compiled in every later run that used it; {@code ./lab bench} then measured 0.18 million deliveries/s instead of
 * 2.3 million. So bench and explore neither make nor use an archive, and every archive is made by a C1-only run.
 */
class LauncherFlagsTest {
    @TempDir
    Path dir;

    @Test
    void throughputCommandsRunWithoutArchive() throws Exception {
        for (String[] run : new String[][] {{"bench"}, {"explore", "--seeds", "1..1000"},
                {"explore", "--seeds", "1..50000"}, {"--debug", "cmd", "explore", "--seeds", "1..1"}}) {
            List<String> flags = flags(run);
            assertFalse(flags.stream().anyMatch(f -> f.contains("Archive")), String.join(" ", run) + ": " + flags);
            assertTrue(flags.contains("-XX:+UseSerialGC"), String.join(" ", run) + ": " + flags);
        }
    }

    /** The bench measures the steady rate: full JIT. A short explore finishes sooner with C1 alone (see the launcher). */
    @Test
    void benchAndLongExploresGetTheFullJit() throws Exception {
        assertFullJit(true, "bench");
        assertFullJit(false, "explore", "--seeds", "1..1000");
        assertFullJit(false, "explore", "--seeds", "5..10004");
        assertFullJit(true, "explore", "--seeds", "5..10005");
        assertFullJit(false, "explore", "--threads", "1", "--seeds=1..3000");
        assertFullJit(true, "explore", "--seeds", "1..3001", "--threads=1");
        assertFullJit(false, "explore", "--threads", "2", "--seeds", "1..3001");
        assertFullJit(true, "explore", "--seeds", "nonsense"); // the lab itself says what is wrong with it
    }

    private void assertFullJit(boolean full, String... args) throws Exception {
        List<String> flags = flags(args);
        assertEquals(full, !flags.contains("-XX:TieredStopAtLevel=1"), String.join(" ", args) + ": " + flags);
    }

    @Test
    void everyArchiveIsMadeByACOneOnlyRun() throws Exception {
        String[][] runs = {{"--version"}, {"run", "x.groovy"}, {"replay", "x.txt"}, {"lincheck", "x"}, {}};
        String[] kinds = {"other", "run", "replay", "other", "shell"};
        for (int i = 0; i < runs.length; i++) {
            List<String> flags = flags(runs[i]);
            assertTrue(flags.contains("-XX:TieredStopAtLevel=1"), String.join(" ", runs[i]) + ": " + flags);
            String made = flags.stream().filter(f -> f.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no archive made: " + flags));
            assertEquals("raft-lab-" + kinds[i] + "-c1.jsa", Path.of(made.substring(made.indexOf('=') + 1))
                    .getFileName().toString());
        }
    }

    /** The arguments the launcher hands to java for {@code args}, up to the jar. */
    private List<String> flags(String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script; no /bin/bash here");
        Path lab = dir.resolve("lab");
        if (!Files.exists(lab)) {
            Files.copy(Path.of("lab"), lab);
            Files.createDirectories(dir.resolve("target"));
            Files.write(dir.resolve("target/raft-lab.jar"), new byte[0]); // present, and no sources to be newer
            Path java = dir.resolve("jdk/bin/java");
            Files.createDirectories(java.getParent());
            Files.writeString(java, "#!/bin/bash\nfor a in \"$@\"; do echo \"$a\"; done\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> command = new ArrayList<>(List.of("/bin/bash", lab.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                "/dev/null")));
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().remove("LAB_JAVA_OPTS");
        pb.environment().remove("LAB_NO_CDS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        List<String> flags = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.equals("-jar")) {
                break;
            }
            flags.add(line);
        }
        return flags;
    }
}
