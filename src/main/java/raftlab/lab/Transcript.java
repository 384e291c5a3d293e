package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The transcript format: plain text a person reads top to bottom.
 * <pre>
 * # a comment, kept as written (a # followed by a space, or alone)
 * > tick 300          a command, marked with "> "
 * [163ms] n3 ...      its output: every line up to the next command, comment or blank line
 * </pre>
 * Command output never contains blank lines or lines starting with "# " or "> ", so the format is unambiguous.
 */
public final class Transcript {
    public static final String PROMPT = "> ";

    private Transcript() {
    }

    public static List<TranscriptItem> parse(String text) {
        List<TranscriptItem> items = new ArrayList<>();
        String command = null;
        List<String> output = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            // Either line ending: a transcript saved on Windows reads the same.
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            boolean kept = line.isBlank() || isComment(line);
            if (line.startsWith(PROMPT) || kept) {
                if (command != null) {
                    items.add(TranscriptItem.step(command, output));
                    command = null;
                    output.clear();
                }
                if (line.startsWith(PROMPT)) {
                    command = line.substring(PROMPT.length());
                } else {
                    items.add(TranscriptItem.verbatim(line));
                }
            } else if (command != null) {
                output.add(line);
            } else {
                throw new LabException("line " + lineNumber + ": '" + Text.printable(line) + "' is neither a command (\"> ...\"), a comment"
                        + " (\"# ...\") nor output following a command");
            }
        }
        if (command != null) {
            items.add(TranscriptItem.step(command, output));
        }
        // text.split keeps a final empty string after the last newline: it is the file's end, not a blank line.
        if (!items.isEmpty() && !items.get(items.size() - 1).isCommand() && items.get(items.size() - 1).text().isEmpty()
                && text.endsWith("\n")) {
            items.remove(items.size() - 1);
        }
        return items;
    }

    static boolean isComment(String line) {
        return line.equals("#") || line.startsWith("# ");
    }

    public static String render(List<TranscriptItem> items) {
        StringBuilder sb = new StringBuilder();
        for (TranscriptItem item : items) {
            if (item.isCommand()) {
                sb.append(PROMPT).append(item.text()).append('\n');
                for (String l : item.output()) {
                    sb.append(l).append('\n');
                }
            } else {
                sb.append(item.text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Runs every command of {@code expected} in a fresh lab and returns the transcript it really produces. */
    public static String replay(String expected) {
        Lab lab = new Lab();
        lab.setReplaying(true);
        List<TranscriptItem> actual = new ArrayList<>();
        for (TranscriptItem item : parse(expected)) {
            if (raftlab.sim.Interrupts.requested()) {
                break; // Ctrl-C: the replay stops here
            }
            if (item.isCommand()) {
                actual.add(TranscriptItem.step(item.text(), lab.execute(item.text()).lines()));
            } else {
                actual.add(item);
            }
        }
        return render(actual);
    }
}
