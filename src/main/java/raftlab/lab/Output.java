package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

/** The lines one command produced, in order. Plain text: colour is the shell's business, at the terminal. */
public final class Output {
    private final List<String> lines = new ArrayList<>();

    public void line(String s) {
        lines.add(s);
    }

    public List<String> lines() {
        return lines;
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
