package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

/** The lines one command produced, in order. Plain text: colour is the shell's business, at the terminal. */
public final class Output {
    private final List<String> lines = new ArrayList<>();
    private final List<String> unrecorded = new ArrayList<>();

    public void line(String s) {
        lines.add(s);
    }

    public List<String> lines() {
        return lines;
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
            return lines;
        }
        List<String> all = new ArrayList<>(lines);
        all.addAll(unrecorded);
        return all;
    }

    /** The lines joined with newlines, each ending in one. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
