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
 * The layers depend one way: raft (pure core) <- sim <- check <- picture <- lab <- shell, script (bench may use
 * anything below it; Main, at the top, anything). This test reads every import (and every fully qualified raftlab.* reference) of
 * the main sources and fails on one that points the wrong way, on a library a layer has no business with, and on a
 * package no rule covers.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/raftlab");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(raftlab\\.\\w+)\\.");

    private static final List<String> CORE = List.of("raftlab.raft");
    private static final List<String> SIM = List.of("raftlab.raft", "raftlab.sim");
    private static final List<String> CHECK = List.of("raftlab.raft", "raftlab.sim", "raftlab.check");
    private static final List<String> PICTURE = List.of("raftlab.raft", "raftlab.sim", "raftlab.check",
            "raftlab.picture");
    private static final List<String> LAB = List.of("raftlab.raft", "raftlab.sim", "raftlab.check", "raftlab.picture",
            "raftlab.byo", "raftlab.lab");

    /** What each layer may import besides java.*: its own package, the layers below it, and its own libraries. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "raft", CORE,
            "sim", SIM,
            "check", CHECK,
            // Pictures of a run: they read what the simulation recorded and the checker's verdict, nothing above.
            "picture", PICTURE,
            // A learner's node, compiled and loaded (I/O) and guarded (a watchdog thread): only the node interface and
            // the simulation's NodeFailure below it; javax.tools is the JDK's compiler.
            "byo", List.of("raftlab.raft", "raftlab.sim", "raftlab.byo", "javax.tools"),
            // The lab diffs transcripts with java-diff-utils (linear-space Myers).
            "lab", with(LAB, "picocli.", "com.github.difflib."),
            // The graded scenarios are lab commands.
            "grade", with(LAB, "raftlab.grade"),
            // The shell and scripts read the commands' picocli models (for completion and named arguments).
            "shell", with(LAB, "raftlab.shell", "org.jline.", "picocli."),
            "script", with(LAB, "raftlab.script", "groovy.", "org.codehaus.groovy.", "picocli."),
            "bench", with(LAB, "raftlab.bench"));

    /** The simulation is deterministic and the core pure: no I/O, threads, wall clock or unseeded randomness. */
    private static final List<String> IMPURE = List.of("java.io", "java.nio", "java.net", "java.time",
            "java.util.concurrent", "java.util.Random", "System.currentTimeMillis", "System.nanoTime", "new Thread",
            "Math.random");

    private static List<String> with(List<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    void everyPackageHasARule() throws IOException {
        List<String> packages;
        try (Stream<Path> s = Files.list(MAIN)) {
            packages = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        }
        assertEquals(ALLOWED.keySet().stream().sorted().collect(Collectors.toList()), packages,
                "a package without a layer rule, or a rule without a package");
    }

    @Test
    void theCoreAndTheSimulationDoNoIoUseNoThreadsAndReadNoClock() throws IOException {
        List<String> breaches = new ArrayList<>();
        for (String layer : List.of("raft", "sim")) {
            for (Path file : javaFiles(MAIN.resolve(layer))) {
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                for (String bad : IMPURE) {
                    if (code.contains(bad)) {
                        breaches.add(file + " uses " + bad);
                    }
                }
            }
        }
        assertEquals(List.of(), breaches);
    }

    @Test
    void everyLayerImportsOnlyJavaItsLibrariesAndTheLayersBelow() throws IOException {
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
