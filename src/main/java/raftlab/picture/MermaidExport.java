package raftlab.picture;

import java.util.List;

/**
 * A Mermaid sequence diagram of a short window: a participant per node, an arrow per message (a cross for a dropped
 * one, at the moment it was dropped) and a note per node event. Mermaid lays out in order, not to scale, so each
 * arrow says when it was sent and arrived.
 */
public final class MermaidExport {
    /** Mermaid becomes unreadable (and slow) beyond this many arrows and notes: choose a window instead. */
    public static final int MAX_ITEMS = 500;

    private MermaidExport() {
    }

    public static String render(RunRecord r, String title) {
        List<Ordered> items = Ordered.of(r, false);
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("mermaid is for short runs: this window has " + items.size()
                    + " messages and events, and at most " + MAX_ITEMS + " make a readable diagram; choose a window "
                    + "with --from and --to");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("%% ").append(clean(title)).append('\n');
        if (r.cutNote() != null) {
            sb.append("%% ").append(clean(r.cutNote())).append('\n');
        }
        sb.append("sequenceDiagram\n");
        for (int id = 1; id <= r.nodes(); id++) {
            sb.append("    participant n").append(id).append('\n');
        }
        for (Ordered o : items) {
            if (o.moment() == Ordered.Moment.HAPPENING) {
                Happening h = o.happening();
                sb.append("    Note over n").append(h.node()).append(": ").append(h.time()).append("ms ")
                        .append(clean(h.text())).append('\n');
            } else {
                MessageRecord m = o.message();
                boolean dropped = m.fate() == MessageFate.DROPPED;
                sb.append("    n").append(m.from()).append(dropped ? "-x" : "->>").append('n').append(m.to())
                        .append(": #35;").append(m.id()).append(' ').append(clean(MessageLabels.shortLabel(m.message())))
                        .append(' ').append(m.sentAt()).append('-').append(m.endAt()).append("ms");
                if (dropped) {
                    sb.append(" dropped, ").append(clean(m.why()));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Mermaid reads {@code ;} and {@code #} as syntax: they go in as its entity codes. A line break would end the line. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '#' -> sb.append("#35;");
                case ';' -> sb.append("#59;");
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
