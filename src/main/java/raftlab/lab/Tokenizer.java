package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words: whitespace separates, single or double quotes keep spaces in one word, and a
 * {@code #} standing alone as a word (followed by a space or the end of the line) starts a comment that runs to the
 * end of the line. {@code #17} is a word (a message id), not a comment.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '#' && !inWord && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
                break; // a comment: `tick 400  # the first election`
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new LabException("unclosed quote " + quote + " in: " + line.strip());
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Quotes a word if it would not survive {@link #split} on its own. */
    public static String quote(String word) {
        if (!word.isEmpty() && !word.equals("#")
                && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')) {
            return word;
        }
        return word.indexOf('\'') < 0 ? "'" + word + "'" : "\"" + word + "\"";
    }
}
