package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The simulation, the checkers and the views know a node only as a {@link RaftNode}: outside the core, no main
 * source names the lab's own implementation, so any other implementation can run in its place.
 */
class OnlyTheInterfaceTest {
    @Test
    void noMainSourceOutsideTheCoreNamesReferenceNode() throws IOException {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/raftlab"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (p.startsWith(Path.of("src/main/java/raftlab/raft"))) {
                    continue;
                }
                checked++;
                if (Files.readString(p).contains("ReferenceNode")) {
                    offenders.add(p.toString());
                }
            }
        }
        assertTrue(checked > 50, "expected to read the main sources, read " + checked);
        assertEquals(List.of(), offenders);
    }

    /** Inside the core, only the factory that picks the implementation makes a ReferenceNode. */
    @Test
    void onlyTheFactoryMakesAReferenceNode() throws IOException {
        List<String> makers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/raftlab"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(p);
                if (src.contains("new ReferenceNode(") || src.contains("ReferenceNode::new")) {
                    makers.add(p.getFileName().toString());
                }
            }
        }
        assertEquals(List.of("NodeFactory.java"), makers);
    }
}
