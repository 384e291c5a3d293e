package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines one command produced, in order. Plain text: colour is the shell's business, at the terminal.
 *
 * <p>Long output is cut, the same way every time: the first {@link #HEAD} lines, one line saying how many were left
 * out and how to see them, and the last {@link #TAIL}. A run of a million events (`run until leader --max 100000000`
 * with no majority) prints in a moment instead of minutes, and the lab does not hold a million strings for it.
 */
public final class Output {
    static final int HEAD = 1000;
    static final int TAIL = 20;

    private final List<String> lines = new ArrayList<>();
    private final java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
    private long cut;
    private final List<String> unrecorded = new ArrayList<>();

    public void line(String raw) {
        // Nothing a user typed or a file held may reach a terminal as a control character (an escape sequence could
        // clear the screen or hide text): every line leaves the lab printable.
        String s = Text.printable(raw);
        if (lines.size() < HEAD) {
            lines.add(s);
            return;
        }
        tail.addLast(s);
        if (tail.size() > TAIL) {
            tail.removeFirst();
            cut++;
        }
    }

    /** Every line, or for long output the first ones, the summary line and the last ones. */
    public List<String> lines() {
        if (tail.isEmpty()) {
            return lines;
        }
        List<String> all = new ArrayList<>(lines.size() + TAIL + 1);
        all.addAll(lines);
        if (cut > 0) {
            all.add("... " + Text.count(cut, "more line") + " not shown (output stops at " + HEAD + " lines);"
                    + " `events --last K` (or --node N, --kind KIND) shows the events you want");
        }
        all.addAll(tail);
        return all;
    }

    /**
     * A line for the person watching that depends on wall time or the machine (explore's speed): shown in the shell,
     * never recorded in a transcript, compared by a replay or printed by a script.
     */
    public void unrecordedLine(String s) {
        unrecorded.add(s);
    }

    public List<String> unrecorded() {
        return unrecorded;
    }

    /** Everything to show the user: the lines, then the unrecorded ones. */
    public List<String> shown() {
        if (unrecorded.isEmpty()) {
            return lines();
        }
        List<String> all = new ArrayList<>(lines());
        all.addAll(unrecorded);
        return all;
    }

    /** The lines joined with newlines, each ending in one. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String l : lines()) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
