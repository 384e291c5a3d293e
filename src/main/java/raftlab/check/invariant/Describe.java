package raftlab.check.invariant;

import raftlab.raft.Command;
import raftlab.raft.Entry;

/** How breaches name entries and commands. */
public final class Describe {
    private Describe() {
    }

    /** {@code "put x=1" of term 2}. */
    public static String entry(Entry e) {
        if (e == null) {
            return "an entry replaced by a snapshot before checking began";
        }
        return "\"" + e.command().describe() + "\" of term " + e.term();
    }

    /** {@code "put x=1" of term 2}, with the request id when {@code other} would print the same. */
    public static String entry(Entry e, Entry other) {
        String s = entry(e);
        if (e == null || other == null) {
            return s;
        }
        return s.equals(entry(other)) ? s + " (request #" + e.command().requestId() + ")" : s;
    }

    /** {@code "put x=1"}, with the request id when {@code other} would print the same. */
    public static String command(Command c, Command other) {
        String s = "\"" + c.describe() + "\"";
        return c.describe().equals(other.describe()) ? s + " (request #" + c.requestId() + ")" : s;
    }

    /** Whether two entries are the same; null (replaced by a snapshot, content unknown) matches anything. */
    static boolean same(Entry a, Entry b) {
        return a == b || a == null || b == null || a.equals(b);
    }
}
