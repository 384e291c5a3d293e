package raftlab.check.linear.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the part of EDN (Clojure's data notation) that Jepsen and Knossos histories use: maps, vectors, lists, sets,
 * strings, keywords, numbers, {@code nil}, {@code true}, {@code false} and symbols; commas are whitespace and
 * {@code ;} starts a comment. Tagged literals ({@code #inst "..."}) are read as their value. Values become Java
 * objects: {@link Map} (in order), {@link List}, {@link Set}, {@link String}, {@link Keyword}, {@link Num},
 * {@link Boolean}, {@link Symbol} and null for nil.
 */
public final class Edn {
    /** A keyword such as {@code :invoke}; {@code name} has no colon. */
    public record Keyword(String name) {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    /** A number, kept as written so that {@code 3} and {@code 3.0} stay apart and nothing is rounded. */
    public record Num(String text) {
        boolean isInteger() {
            return INTEGER.matcher(text).matches();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A symbol (a bare word that is not nil, true or false). */
    public record Symbol(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Malformed EDN: what was expected, and the column (from 1) where. */
    public static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[+-]?\\d+N?");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "[+-]?\\d+N?|[+-]?\\d+(\\.\\d*)?([eE][+-]?\\d+)?M?|[+-]?\\d+/\\d+");

    private final String s;
    private int pos;

    private Edn(String s) {
        this.s = s;
    }

    /** Reads exactly one value from {@code text} (surrounding whitespace and comments allowed). */
    public static Object read(String text) throws SyntaxError {
        Edn e = new Edn(text);
        Object v = e.value();
        e.skipSpace();
        if (e.pos < e.s.length()) {
            throw e.error("one value, then the end of the line");
        }
        return v;
    }

    private SyntaxError error(String expected) {
        String found = pos >= s.length() ? "the end of the line" : "'" + s.charAt(pos) + "'";
        return new SyntaxError("expected " + expected + " at column " + (pos + 1) + ", found " + found);
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ';') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c) || c == ',') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Object value() throws SyntaxError {
        skipSpace();
        if (pos >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                pos++;
                return map();
            case '[':
                pos++;
                return sequence(']');
            case '(':
                pos++;
                return sequence(')');
            case '"':
                pos++;
                return string();
            case ':':
                pos++;
                String name = token();
                if (name.isEmpty()) {
                    throw error("a keyword's name after ':'");
                }
                return new Keyword(name);
            case '#':
                pos++;
                if (pos < s.length() && s.charAt(pos) == '{') {
                    pos++;
                    return new LinkedHashSet<>(sequence('}'));
                }
                if (pos < s.length() && s.charAt(pos) == '_') { // #_ discards the next value
                    pos++;
                    value();
                    return value();
                }
                if (token().isEmpty()) {
                    throw error("a set #{...} or a tagged value such as #inst \"...\"");
                }
                return value(); // a tagged literal: its value
            default:
                break;
        }
        if (c == '}' || c == ']' || c == ')') {
            throw error("a value");
        }
        int start = pos;
        String word = token();
        if (word.isEmpty()) {
            throw error("a value");
        }
        char first = word.charAt(0);
        if (Character.isDigit(first) || ((first == '-' || first == '+') && word.length() > 1
                && Character.isDigit(word.charAt(1)))) {
            if (!NUMBER.matcher(word).matches()) {
                pos = start;
                throw error("a number");
            }
            return new Num(word);
        }
        return switch (word) {
            case "nil" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> new Symbol(word);
        };
    }

    /** A bare word: letters, digits and the punctuation EDN allows in symbols and keywords. */
    private String token() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isLetterOrDigit(c) || "*+!-_?<>=./&%$'#:".indexOf(c) >= 0) {
                pos++;
            } else {
                break;
            }
        }
        return s.substring(start, pos);
    }

    private Map<Object, Object> map() throws SyntaxError {
        Map<Object, Object> m = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            if (pos >= s.length()) {
                throw error("'}' to close the map");
            }
            Object k = value();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                throw error("a value for key " + show(k));
            }
            Object v = value();
            if (m.containsKey(k)) {
                throw new SyntaxError("key " + show(k) + " appears twice in one map");
            }
            m.put(k, v);
        }
    }

    private List<Object> sequence(char close) throws SyntaxError {
        List<Object> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                pos++;
                return out;
            }
            if (pos >= s.length()) {
                throw error("'" + close + "' to close the " + (close == ']' ? "vector" : close == ')' ? "list" : "set"));
            }
            out.add(value());
        }
    }

    private String string() throws SyntaxError {
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                break;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '"', '\\' -> sb.append(e);
                case 'u' -> {
                    if (pos + 4 > s.length() || !s.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("four hex digits after \\u");
                    }
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("an escape: \\n, \\t, \\r, \\\", \\\\ or \\uXXXX");
                }
            }
        }
        throw error("'\"' to close the string");
    }

    /** A value as EDN writes it, for error messages. */
    public static String show(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof String str) {
            return '"' + str.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return v.toString();
    }
}
