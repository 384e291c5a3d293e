package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import raftlab.lab.Lab;

class LabCompleterTest {
    private static final CommandLine TREE = new Lab().commands().tree();
    private static final CompletionFacts FACTS = new CompletionFacts(5, List.of("3", "17"));
    private final LabCompleter completer = new LabCompleter(() -> TREE, () -> FACTS);

    /** Completions for {@code line} with the cursor at its end, as the reader's parser splits it. */
    private List<String> complete(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split(" ", -1)));
        String last = words.get(words.size() - 1);
        return completer.complete(words, words.size() - 1, last);
    }

    @Test
    void commandNames() {
        assertEquals(List.of("crash"), complete("cr"));
        assertEquals(List.of("partition", "pause", "plot", "power-loss", "progress", "promote", "put"), complete("p"));
        assertTrue(complete("").containsAll(List.of("tick", "status", "clock", "quit")), complete("").toString());
    }

    @Test
    void nodeIdsForNodeParameters() {
        List<String> nodes = List.of("1", "2", "3", "4", "5");
        assertEquals(nodes, complete("crash "));
        assertEquals(nodes, complete("timeout "));
        assertEquals(nodes, complete("log 1 "), "log takes several nodes");
        assertEquals(nodes, complete("put x 1 --to "));
        assertEquals(nodes, complete("deliver --from "));
        assertEquals(nodes, complete("events --node "));
        assertEquals(nodes, complete("cut "));
        assertEquals(List.of("4"), complete("restart 4"));
    }

    @Test
    void noNodeIdsWhereANumberIsNoNode() {
        assertEquals(List.of(), complete("cluster "), "the N of cluster is a size");
        assertEquals(List.of(), complete("log --from "), "an index");
        assertEquals(List.of(), complete("tick "));
        assertEquals(List.of(), complete("put "), "a key");
        assertEquals(List.of(), complete("crash 3 "), "crash takes one node");
    }

    @Test
    void optionNames() {
        assertEquals(List.of("--to"), complete("put x 1 --t"));
        assertEquals(List.of("--rate"), complete("clock auto --"));
        assertTrue(complete("deliver --").containsAll(List.of("--from", "--to", "--type", "--all")),
                complete("deliver --").toString());
    }

    @Test
    void messageIdsAndFixedWords() {
        assertEquals(List.of("17", "3"), complete("deliver "));
        assertEquals(List.of("17", "3"), complete("drop 3 "));
        assertEquals(List.of("17"), complete("dup 1"));
        assertEquals(List.of("17", "3"), complete("delay "));
        assertEquals(List.of("off", "on"), complete("hold "));
        assertEquals(List.of("off", "on"), complete("verbose o"));
        assertEquals(List.of("auto", "manual"), complete("clock "));
        assertEquals(List.of("until"), complete("run "));
        assertEquals(List.of("commit", "leader", "quiet"), complete("run until "));
    }

    @Test
    void throughJLine() throws IOException {
        try (Terminal t = TerminalBuilder.builder().system(false)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).type("xterm").build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(t).completer(completer).build();
            assertEquals(List.of("restart"), candidates(reader, "rest"));
            assertEquals(List.of("1", "2", "3", "4", "5"), candidates(reader, "put x 1 --to "));
            assertEquals(List.of("--last", "--node", "--kind", "--json").stream().sorted().toList(),
                    candidates(reader, "events -").stream().sorted().toList());
        }
    }

    private List<String> candidates(LineReader reader, String line) {
        ParsedLine parsed = reader.getParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> out = new ArrayList<>();
        completer.complete(reader, parsed, out);
        return out.stream().map(Candidate::value).toList();
    }

    /** Rough edge: bug names, fault kinds, --type and --kind values, help topics and file paths did not complete. */
    @Test
    void fixedVocabulariesAndPathsComplete(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals(List.of("naive-seed", "no-append-retry", "no-dedup", "no-up-to-date-check"), complete("bug n"));
        assertEquals(List.of("forget-vote"), complete("explore --seeds 1..9 --bug fo"));
        assertEquals(List.of("partition,crash"), complete("explore --seeds 1..9 --faults partition,cr"));
        assertEquals(List.of("AppendEntries", "AppendEntriesReply"), complete("deliver --type Ap"));
        assertEquals(List.of("commit", "config", "crash", "client").stream().sorted().toList(), complete("events --kind c"));
        assertEquals(List.of("partition", "pause", "plot", "power-loss", "progress", "promote", "put"), complete("help p"));
        assertEquals(List.of("stop"), complete("clients s"));
        assertEquals(List.of("drain"), complete("clients d"));
        java.nio.file.Files.createDirectories(dir.resolve("sub"));
        java.nio.file.Files.writeString(dir.resolve("session.txt"), "");
        assertEquals(List.of(dir + "/session.txt", dir + "/sub/"), complete("record " + dir + "/s"));
        // A learner's source for cluster --impl, and a class path.
        java.nio.file.Files.writeString(dir.resolve("MyRaft.java"), "");
        assertEquals(List.of(dir + "/MyRaft.java"), complete("cluster 5 --impl " + dir + "/M"));
        assertEquals(List.of(dir + "/sub/"), complete("cluster 5 --classpath " + dir + "/su"));
    }
}
