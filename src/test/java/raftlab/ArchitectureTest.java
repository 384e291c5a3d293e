package raftlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers depend one way: raft (pure core) <- sim <- check <- everything else. This test reads every import
 * (and every fully qualified raftlab.* reference) of the main sources and fails on one that points the wrong way.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/raftlab");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(raftlab\\.\\w+)\\.");

    /** What each layer may import besides java.*: its own package and the layers below it. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "raft", List.of("raftlab.raft"),
            "sim", List.of("raftlab.raft", "raftlab.sim"),
            "check", List.of("raftlab.raft", "raftlab.sim", "raftlab.check"),
            // Compiling and loading a learner's node is I/O, so it is not in the core; it needs only the node
            // interface and the simulation's guard (javax.tools is the JDK's compiler).
            "byo", List.of("raftlab.raft", "raftlab.sim", "raftlab.byo", "javax.tools"));

    @Test
    void lowerLayersImportOnlyJavaAndLayersBelow() throws IOException {
        List<String> breaches = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> layer : ALLOWED.entrySet()) {
            for (Path file : javaFiles(MAIN.resolve(layer.getKey()))) {
                checked++;
                String src = Files.readString(file);
                for (String ref : references(src)) {
                    boolean ok = ref.startsWith("java.") || layer.getValue().stream().anyMatch(ref::startsWith);
                    if (!ok) {
                        breaches.add(file + " uses " + ref);
                    }
                }
            }
        }
        assertTrue(checked > 20, "expected to find the layer sources, found " + checked + " files");
        assertEquals(List.of(), breaches, "layer breaches");
    }

    @Test
    void theCheckerFindsABreachInAFileThatHasOne() {
        String src = "package raftlab.raft;\nimport picocli.CommandLine;\nclass X { raftlab.sim.Cluster c; }\n";
        assertEquals(List.of("picocli.CommandLine", "raftlab.sim"), references(src));
    }

    static List<String> references(String src) {
        List<String> refs = new ArrayList<>();
        Matcher m = IMPORT.matcher(src);
        while (m.find()) {
            refs.add(m.group(2));
        }
        String body = src.replaceAll("(?m)^(package|import)\\s.*$", "");
        Matcher q = QUALIFIED.matcher(body);
        while (q.find()) {
            refs.add(q.group(1));
        }
        return refs;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }
}
