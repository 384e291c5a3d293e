package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fenced code blocks of README.md, for tests that keep the document honest. */
public final class ReadmeBlocks {
    private ReadmeBlocks() {
    }

    /** The lines of the first fenced block after the heading {@code heading}, without their fence. */
    public static List<String> block(String heading) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int at = lines.indexOf(heading);
        assertTrue(at >= 0, "README.md has no heading " + heading);
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (int i = at + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                if (in) {
                    return out;
                }
                in = true;
            } else if (in) {
                out.add(l);
            }
        }
        throw new AssertionError("no fenced block after " + heading);
    }

}
