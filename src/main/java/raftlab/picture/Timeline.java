package raftlab.picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The Lamport diagram as text, for the terminal and for transcripts: one column per node, virtual time downward,
 * one row per message arrival or node event. A message is a line from its sender's column ({@code +}) to its
 * receiver's, drawn at the row where it arrives ({@code >} or {@code <}) or is dropped ({@code x}); a node event is a
 * letter in its node's column. The words to the right say what each row is. Plain ASCII, no colour: the shell adds
 * colour on a terminal, a transcript stays plain. The same record and options always give the same lines.
 */
public final class Timeline {
    /** Width used when the output is not a terminal (pipes, scripts, transcripts). */
    public static final int DEFAULT_WIDTH = 100;
    /** At most this many rows: the last ones are shown, with a line saying how many came before. */
    public static final int MAX_ROWS = 1000;
    static final String LEGEND = "marks: C candidate, L leader, F follower, v vote given, r vote refused, c commit, a apply, T truncate,"
            + " X crash, R restart, @ client; +---> delivered, +---x dropped; : a node that is down";

    /** What to show: which nodes (in column order), which message types and event kinds (null: all), how wide. */
    public record Options(List<Integer> nodes, Set<String> types, int width) {
    }

    private record Row(long time, long seq, MessageRecord message, Happening happening) {
    }

    private Timeline() {
    }

    /** Where things go on a line: the time gutter, the node columns, and the words to their right. */
    private record Layout(int timeWidth, int gutter, int spacing, int diagram, int noteWidth) {
        static Layout of(RunRecord r, int nodes, int width) {
            int timeWidth = Math.max(4, String.valueOf(Math.max(r.to(), 0)).length() + 2);
            int gutter = timeWidth + 1;
            // Columns 6..10 apart, leaving about 64 columns for the words; closer (down to 3) if the nodes need it.
            int spacing = nodes <= 1 ? 1 : Math.max(6, Math.min(10, (width - gutter - 2 - 64) / (nodes - 1)));
            if (nodes > 1 && gutter + spacing * (nodes - 1) + 1 > width) {
                spacing = Math.max(3, (width - gutter - 1) / (nodes - 1));
            }
            int diagram = spacing * (Math.max(nodes, 1) - 1) + 1;
            return new Layout(timeWidth, gutter, spacing, diagram, width - gutter - diagram - 2);
        }

        int x(int column) {
            return gutter + column * spacing;
        }
    }

    public static List<String> render(RunRecord r, Options o) {
        List<Integer> nodes = o.nodes();
        int[] column = new int[r.nodes() + 1];
        Arrays.fill(column, -1);
        for (int i = 0; i < nodes.size(); i++) {
            column[nodes.get(i)] = i;
        }
        List<Row> rows = rows(r, o, column);
        Layout at = Layout.of(r, nodes.size(), o.width());
        List<String> out = header(r, o, at, rows.size());
        int skip = Math.max(0, rows.size() - MAX_ROWS);
        if (skip > 0) {
            out.add("(" + skip + " earlier rows left out; choose a window with --from and --to)");
        }
        boolean[] up = new boolean[r.nodes() + 1];
        for (int id = 1; id <= r.nodes(); id++) {
            up[id] = r.start()[id].up();
        }
        int change = 0;
        long lastTime = -1;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            // A column is drawn as up or down (:) by the state changes recorded before this row.
            while (change < r.changes().size() && r.changes().get(change).seq() < row.seq()) {
                StateChange c = r.changes().get(change++);
                up[c.node()] = c.up();
            }
            if (i >= skip) {
                out.add(line(row, row.time() != lastTime, at, nodes, column, up));
            }
            lastTime = row.time();
        }
        if (rows.isEmpty()) {
            out.add("(no message arrived and nothing happened in this window)");
        }
        out.addAll(inFlight(r, o, column));
        return out;
    }

    private static List<String> header(RunRecord r, Options o, Layout at, int rows) {
        List<String> out = new ArrayList<>();
        out.add("timeline " + r.from() + ".." + r.to() + "ms, " + rows + " rows");
        if (r.cutNote() != null) {
            out.add(r.cutNote());
        }
        out.addAll(wrap(LEGEND, o.width()));
        char[] names = blank(at.gutter() + at.diagram() + 1);
        put(names, 0, pad("time", at.timeWidth()));
        for (int i = 0; i < o.nodes().size(); i++) {
            put(names, at.x(i), "n" + o.nodes().get(i));
        }
        out.add(new String(names).stripTrailing());
        return out;
    }

    private static String line(Row row, boolean stamp, Layout at, List<Integer> nodes, int[] column, boolean[] up) {
        char[] line = blank(at.gutter() + at.diagram());
        if (stamp) {
            put(line, 0, pad(row.time() + "ms", at.timeWidth()));
        }
        for (int c = 0; c < nodes.size(); c++) {
            line[at.x(c)] = up[nodes.get(c)] ? '|' : ':';
        }
        String note;
        if (row.message() != null) {
            note = drawMessage(line, at, column, row.message());
        } else {
            Happening h = row.happening();
            line[at.x(column[h.node()])] = h.mark();
            note = "n" + h.node() + " " + h.text();
        }
        String text = new String(line);
        if (at.noteWidth() > 0) {
            text += "  " + clip(note, at.noteWidth());
        }
        return text.stripTrailing();
    }

    /** The messages still on the wire at the window's end, listed (they have no arrival row to be drawn on). */
    private static List<String> inFlight(RunRecord r, Options o, int[] column) {
        List<String> flying = new ArrayList<>();
        for (MessageRecord m : r.messages()) {
            boolean stillOut = m.fate() == MessageFate.IN_FLIGHT || m.endAt() > r.to();
            if (stillOut && shown(m, o, column)) {
                flying.add("#" + m.id() + " n" + m.from() + "->n" + m.to() + " " + MessageLabels.shortLabel(m.message()));
            }
        }
        return flying.isEmpty() ? List.of() : wrap("in flight at " + r.to() + "ms: " + String.join(", ", flying),
                o.width());
    }

    private static List<Row> rows(RunRecord r, Options o, int[] column) {
        List<Row> rows = new ArrayList<>();
        for (MessageRecord m : r.messages()) {
            if (m.fate() != MessageFate.IN_FLIGHT && m.endAt() >= r.from() && m.endAt() <= r.to() && shown(m, o, column)) {
                rows.add(new Row(m.endAt(), m.endSeq(), m, null));
            }
        }
        for (Happening h : r.happenings()) {
            boolean kindShown = o.types() == null || o.types().contains(h.kind().label());
            if (column[h.node()] >= 0 && kindShown) {
                rows.add(new Row(h.time(), h.seq(), null, h));
            }
        }
        rows.sort(Comparator.comparingLong(Row::time).thenComparingLong(Row::seq));
        return rows;
    }

    private static boolean shown(MessageRecord m, Options o, int[] column) {
        return column[m.from()] >= 0 && column[m.to()] >= 0 && (o.types() == null || o.types().contains(m.type()));
    }

    /** Draws the arrow into {@code line} and returns the words for the right-hand side. */
    private static String drawMessage(char[] line, Layout at, int[] column, MessageRecord m) {
        int a = at.x(column[m.from()]);
        int b = at.x(column[m.to()]);
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        for (int x = lo + 1; x < hi; x++) {
            line[x] = '-';
        }
        line[a] = '+';
        boolean dropped = m.fate() == MessageFate.DROPPED;
        line[b] = dropped ? 'x' : (b > a ? '>' : '<');
        String label = MessageLabels.shortLabel(m.message());
        int room = hi - lo - 1;
        if (label.length() + 2 <= room) {
            put(line, lo + 1 + (room - label.length()) / 2, label);
        }
        // Most telling first, so a narrow terminal clips the fields (the arrow's label has the key ones), not these.
        StringBuilder note = new StringBuilder();
        note.append('#').append(m.id()).append(' ').append(m.type()).append(" sent ").append(m.sentAt()).append("ms");
        if (m.copyOf() != 0) {
            note.append(", copy of #").append(m.copyOf());
        }
        if (dropped) {
            note.append(", DROPPED (").append(m.why()).append(')');
        }
        note.append(": ").append(m.message().fields());
        return note.toString();
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append("  ");
            } else if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 2)) + "..";
    }

    private static char[] blank(int n) {
        char[] c = new char[n];
        Arrays.fill(c, ' ');
        return c;
    }

    private static void put(char[] line, int at, String s) {
        for (int i = 0; i < s.length() && at + i < line.length; i++) {
            line[at + i] = s.charAt(i);
        }
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
