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
}
