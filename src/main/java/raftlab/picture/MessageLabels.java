package raftlab.picture;

import java.util.LinkedHashMap;
import java.util.Map;

import raftlab.raft.Message;

/**
 * Short names for messages in pictures, read only through {@link Message}'s accessors: {@code RV t1},
 * {@code RVR t1 yes}, {@code AE t2 [3..4]}, {@code AE t2 hb}, {@code AER t2 ok 4}.
 */
public final class MessageLabels {
    private MessageLabels() {
    }

    /** The Figure 2 fields as an ordered map: {@code term=1 granted=true} gives {term: 1, granted: true}. */
    public static Map<String, String> fields(Message m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : m.fields().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }

    /** {@code RV}, {@code RVR}, {@code AE}, {@code AER}: the capitals of the type's name. */
    public static String abbreviation(String type) {
        StringBuilder sb = new StringBuilder();
        for (char c : type.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? type : sb.toString();
    }

    /** A short label with the fields a learner looks at first. */
    public static String shortLabel(Message m) {
        Map<String, String> f = fields(m);
        StringBuilder sb = new StringBuilder(abbreviation(m.type())).append(" t").append(m.term());
        String granted = f.get("granted");
        if (granted != null) {
            sb.append(granted.equals("true") ? " yes" : " no");
        }
        String success = f.get("success");
        if (success != null) {
            sb.append(success.equals("true") ? " ok " + f.getOrDefault("match", "") : " no");
        }
        String entries = f.get("entries");
        if (entries != null) {
            sb.append(entries.equals("[]") ? " hb" : " " + entries);
        }
        return sb.toString().strip();
    }
}
