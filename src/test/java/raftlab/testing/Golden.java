package raftlab.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import raftlab.lab.UnifiedDiff;

/**
 * Golden-file comparison shared by the transcript and script tests. Run the suite with
 * {@code mvn -B verify -Draftlab.update=true} to rewrite expected files from actual output: then read every diff
 * (git diff) before committing, since a rewritten file is only a test once a person has checked it.
 */
public final class Golden {
    /** The documented switch that rewrites expected output. */
    public static final String UPDATE_PROPERTY = "raftlab.update";

    private Golden() {
    }

    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false"));
    }

    /** Fails with a unified diff unless {@code expectedFile} holds exactly {@code actual}; or rewrites it. */
    public static void compare(Path expectedFile, String actual) {
        String expected = Files.exists(expectedFile) ? read(expectedFile) : "";
        if (expected.equals(actual)) {
            return;
        }
        if (updating()) {
            try {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        fail(expectedFile + " differs from the actual output (rerun with -D" + UPDATE_PROPERTY
                + "=true to accept, then read the change):\n"
                + UnifiedDiff.diff(expected, actual, expectedFile + " (expected)", "actual"));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files in {@code dir} whose names end with {@code suffix}, sorted by name. */
    public static List<Path> files(String dir, String suffix) {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
