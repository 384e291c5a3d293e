package raftlab.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import raftlab.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** One test per transcripts/*.txt: replay it in a fresh lab and compare byte for byte. */
class TranscriptGoldenTest {
    @TestFactory
    Stream<DynamicTest> everyTranscriptReplaysIdentically() {
        List<Path> files = Golden.files("transcripts", ".txt");
        assertFalse(files.isEmpty(), "no transcripts found in transcripts/");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> Golden.compare(f, Transcript.replay(Golden.read(f)))));
    }
}
