package raftlab.picture;

/**
 * A small writer of JSON text: the exports and the lab's {@code --json} lines need no library for it. Keys and values
 * are escaped here.
 */
public final class Json {
    private final StringBuilder sb = new StringBuilder();
    /** Whether the next value in the current object or array needs a comma before it. */
    private boolean comma;

    /**
     * One JSON object on one line, {@code {"k1":v1,"k2":v2}}, from alternating keys and values (String, Number,
     * Boolean or null; anything else is written as its string): the lab's {@code --json} lines for jq.
     */
    public static String object(Object... keysAndValues) {
        Json j = new Json().open('{');
        for (int i = 0; i < keysAndValues.length; i += 2) {
            j.key((String) keysAndValues[i]);
            Object v = keysAndValues[i + 1];
            if (v == null) {
                j.value((String) null);
            } else if (v instanceof Boolean b) {
                j.value(b.booleanValue());
            } else if (v instanceof Number n) {
                j.sep();
                j.sb.append(n);
                j.comma = true;
            } else {
                j.value(v.toString());
            }
        }
        return j.close('}').toString();
    }

    Json open(char bracket) {
        sep();
        sb.append(bracket);
        comma = false;
        return this;
    }

    Json close(char bracket) {
        sb.append(bracket);
        comma = true;
        return this;
    }

    Json key(String k) {
        sep();
        string(k);
        sb.append(':');
        comma = false;
        return this;
    }

    Json value(String s) {
        sep();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        comma = true;
        return this;
    }

    Json value(long n) {
        sep();
        sb.append(n);
        comma = true;
        return this;
    }

    Json value(boolean b) {
        sep();
        sb.append(b);
        comma = true;
        return this;
    }

    Json field(String k, String v) {
        return key(k).value(v);
    }

    Json field(String k, long v) {
        return key(k).value(v);
    }

    Json field(String k, boolean v) {
        return key(k).value(v);
    }

    private void sep() {
        if (comma) {
            sb.append(',');
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                // "</script>" must not end the page's data block early; < and > are escaped wherever they appear.
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
