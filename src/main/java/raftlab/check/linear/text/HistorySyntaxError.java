package raftlab.check.linear.text;

/** A history file line that cannot be read: its line number (from 1) and what is wrong, in the reader's words. */
public final class HistorySyntaxError extends Exception {
    private final int line;

    public HistorySyntaxError(int line, String problem) {
        super(problem, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }

    /** {@code FILE:LINE: problem}, as compilers say it. */
    public String at(String file) {
        return file + ":" + line + ": " + getMessage();
    }
}
