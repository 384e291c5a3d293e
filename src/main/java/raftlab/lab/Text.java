package raftlab.lab;

/** Text from users and files, made safe and readable for a terminal. */
public final class Text {
    private Text() {
    }

    /**
     * {@code s} with every control character (escape, bell, carriage return, tab...) written as an escape such as
     * {@code \x1b} or {@code \t}, so that nothing from a file or an argument can move the cursor or clear the screen.
     */
    public static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n';
            if (control && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb == null) {
                continue;
            }
            if (!control) {
                sb.append(c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** "1 vote", "3 votes": a count with its noun in the right number. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** "1 vote", "3 votes" for nouns that take an s. */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /**
     * How many terminal columns {@code s} takes: East Asian wide characters and emoji take two, combining marks,
     * joiners and variation selectors none, everything else one. Close enough for aligning table columns.
     */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F680 && cp <= 0x1F6FF) || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /**
     * A user's key or value as one unambiguous word for a table: quoted when empty or holding spaces or quotes,
     * control characters escaped, and cut to about {@code max} columns with an ellipsis.
     */
    public static String value(String v, int max) {
        String p = printable(v);
        boolean quote = p.isEmpty() || p.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < p.length(); ) {
            int cp = p.codePointAt(i);
            int cw = width(new String(Character.toChars(cp)));
            if (w + cw > max) {
                sb.append('\u2026');
                break;
            }
            if (quote && (cp == '"' || cp == '\\')) {
                sb.append('\\'); // inside quotes, a quote or backslash is escaped, so the value reads back exactly
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return quote ? "\"" + sb + "\"" : sb.toString();
    }
}
