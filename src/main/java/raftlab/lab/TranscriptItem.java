package raftlab.lab;

import java.util.List;

/** One piece of a transcript: a comment or blank line kept as written, or a command with the output it gave. */
public record TranscriptItem(String text, boolean isCommand, List<String> output) {
    static TranscriptItem verbatim(String line) {
        return new TranscriptItem(line, false, List.of());
    }

    static TranscriptItem step(String command, List<String> output) {
        return new TranscriptItem(command, true, List.copyOf(output));
    }
}
