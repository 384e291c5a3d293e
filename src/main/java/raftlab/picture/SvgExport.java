package raftlab.picture;

import java.util.Locale;

/**
 * The Lamport diagram as SVG: a horizontal lane per node, time to the right, each message an arrow from its send to
 * its arrival (so the slant shows its latency), coloured by type, with its fields in a tooltip ({@code <title>}).
 * A dropped message ends in a cross where it was lost; node events are lettered dots on the lanes (C, L, F for role
 * changes, X crash, R restart), and a node that is down has a dashed lane.
 */
public final class SvgExport {
    private static final int LEFT = 70;
    private static final int TOP = 60;
    private static final int LANE = 70;
    private static final int RIGHT = 40;

    private SvgExport() {
    }

    public static String render(RunRecord r, String title) {
        long span = Math.max(1, r.to() - r.from());
        // Wide enough to read a few milliseconds apart, never wider than a browser copes with comfortably.
        double scale = Math.max(0.02, Math.min(12.0, 6000.0 / span));
        int plot = (int) Math.ceil(span * scale);
        int width = Math.max(1150, LEFT + plot + RIGHT); // at least wide enough for the legend
        int height = TOP + LANE * r.nodes() + 56;
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<title>").append(Xml.esc(title)).append("</title>\n");
        sb.append("<defs>");
        for (String type : Palette.TYPES) {
            sb.append("<marker id=\"h-").append(type).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                    + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\""
                    + " fill=\"").append(Palette.type(type)).append("\"/></marker>");
        }
        sb.append("</defs>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(LEFT).append("\" y=\"22\" font-size=\"15\" font-weight=\"bold\">")
                .append(Xml.esc(title)).append("</text>\n");
        if (r.cutNote() != null) {
            sb.append("<text x=\"").append(LEFT).append("\" y=\"40\" fill=\"#c92a2a\">").append(Xml.esc(r.cutNote()))
                    .append("</text>\n");
        }
        axis(sb, r, scale, height);
        lanes(sb, r, scale);
        for (MessageRecord m : r.messages()) {
            arrow(sb, r, scale, m);
        }
        // Role changes last, on top: a leader's L must not hide under the client request it accepted that moment.
        for (Happening h : r.happenings()) {
            if (h.kind() != HappeningKind.ROLE) {
                dot(sb, r, scale, h);
            }
        }
        for (Happening h : r.happenings()) {
            if (h.kind() == HappeningKind.ROLE) {
                dot(sb, r, scale, h);
            }
        }
        legend(sb, height);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static double x(RunRecord r, double scale, long t) {
        return LEFT + (Math.max(r.from(), Math.min(r.to(), t)) - r.from()) * scale;
    }

    private static int y(int node) {
        return TOP + LANE * (node - 1) + LANE / 2;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void axis(StringBuilder sb, RunRecord r, double scale, int height) {
        long step = 1;
        while (step * scale < 60) {
            step = nextStep(step);
        }
        long first = (r.from() + step - 1) / step * step;
        for (long t = first; t <= r.to(); t += step) {
            double x = x(r, scale, t);
            sb.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(TOP - 8).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(height - 50).append("\" stroke=\"#eeeeee\"/>");
            sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(height - 34)
                    .append("\" text-anchor=\"middle\" fill=\"#666\">").append(t).append("ms</text>\n");
        }
    }

    /** 1, 2, 5, 10, 20, 50, ... */
    private static long nextStep(long step) {
        long pow = 1;
        while (pow * 10 <= step) {
            pow *= 10;
        }
        long lead = step / pow;
        return lead < 2 ? 2 * pow : lead < 5 ? 5 * pow : 10 * pow;
    }

    private static void lanes(StringBuilder sb, RunRecord r, double scale) {
        for (int id = 1; id <= r.nodes(); id++) {
            int y = y(id);
            sb.append("<text x=\"").append(LEFT - 12).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" font-weight=\"bold\">n").append(id).append("</text>");
            // The lane, split where the node goes down and comes back.
            long segStart = r.from();
            boolean up = r.start()[id].up();
            for (StateChange c : r.changes()) {
                if (c.node() == id && c.up() != up) {
                    segment(sb, r, scale, y, segStart, c.time(), up);
                    segStart = c.time();
                    up = c.up();
                }
            }
            segment(sb, r, scale, y, segStart, r.to(), up);
            sb.append('\n');
        }
    }

    private static void segment(StringBuilder sb, RunRecord r, double scale, int y, long from, long to, boolean up) {
        sb.append("<line x1=\"").append(f(x(r, scale, from))).append("\" y1=\"").append(y).append("\" x2=\"")
                .append(f(x(r, scale, to))).append("\" y2=\"").append(y).append("\" stroke=\"")
                .append(up ? "#495057" : "#c92a2a").append("\" stroke-width=\"2\"")
                .append(up ? "" : " stroke-dasharray=\"4 4\"").append("/>");
    }

    private static void arrow(StringBuilder sb, RunRecord r, double scale, MessageRecord m) {
        boolean dropped = m.fate() == MessageFate.DROPPED;
        long end = m.fate() == MessageFate.IN_FLIGHT ? Math.max(m.dueAt(), r.to()) : m.endAt();
        double x1 = x(r, scale, m.sentAt());
        double y1 = y(m.from());
        double x2 = x(r, scale, end);
        double y2 = y(m.to());
        if (dropped) {
            // Lost on the way: stop short of the receiver, where it was dropped (at least a little way out).
            double frac = 0.6;
            x2 = x1 + Math.max(x2 - x1, 12) * frac;
            y2 = y1 + (y2 - y1) * frac;
        }
        String colour = Palette.type(m.type());
        sb.append("<g><title>").append(Xml.esc(tooltip(m))).append("</title>");
        sb.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"1.6\"");
        if (dropped) {
            sb.append(" stroke-dasharray=\"5 3\"/>");
            sb.append("<path d=\"M").append(f(x2 - 5)).append(',').append(f(y2 - 5)).append(" L").append(f(x2 + 5))
                    .append(',').append(f(y2 + 5)).append(" M").append(f(x2 - 5)).append(',').append(f(y2 + 5))
                    .append(" L").append(f(x2 + 5)).append(',').append(f(y2 - 5))
                    .append("\" stroke=\"#c92a2a\" stroke-width=\"2\"/>");
        } else {
            sb.append(" marker-end=\"url(#h-").append(Xml.esc(m.type())).append(")\"/>");
        }
        sb.append("</g>\n");
    }

    private static void legend(StringBuilder sb, int height) {
        int x = LEFT;
        int y = height - 6;
        for (String type : Palette.TYPES) {
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(y - 8).append("\" width=\"14\" height=\"4\" fill=\"")
                    .append(Palette.type(type)).append("\"/><text x=\"").append(x + 18).append("\" y=\"").append(y - 3)
                    .append("\" font-size=\"10\" fill=\"#495057\">").append(type).append("</text>");
            x += 130;
        }
        sb.append("<text x=\"").append(x).append("\" y=\"").append(y - 3).append("\" font-size=\"10\" fill=\"#495057\">"
                + "dashed with a cross: dropped; dots: C candidate, L leader, F follower, X crash, R restart, T truncate,"
                + " @ client (hover for details)</text>\n");
    }

    static String tooltip(MessageRecord m) {
        StringBuilder t = new StringBuilder();
        t.append('#').append(m.id()).append(" n").append(m.from()).append("->n").append(m.to()).append(' ')
                .append(m.type()).append(' ').append(m.message().fields()).append(", sent ").append(m.sentAt())
                .append("ms");
        switch (m.fate()) {
            case DELIVERED -> t.append(", delivered ").append(m.endAt()).append("ms");
            case DROPPED -> t.append(", dropped ").append(m.endAt()).append("ms: ").append(m.why());
            case IN_FLIGHT -> t.append(", still in flight");
        }
        if (m.copyOf() != 0) {
            t.append(", copy of #").append(m.copyOf());
        }
        return t.toString();
    }

    private static void dot(StringBuilder sb, RunRecord r, double scale, Happening h) {
        boolean drawn = switch (h.kind()) {
            case ROLE, CRASH, RESTART, TRUNCATE, TRANSFER, SNAPSHOT, CONFIG, CLIENT -> true;
            case VOTE, COMMIT, APPLY -> false; // they would crowd the lanes; the JSON export has them
        };
        if (!drawn) {
            return;
        }
        String letter = String.valueOf(h.mark());
        double x = x(r, scale, h.time());
        int y = y(h.node());
        String fill = switch (letter) {
            case "L" -> "#2f9e44";
            case "C" -> "#f08c00";
            case "P" -> "#fab005";
            case "X" -> "#c92a2a";
            default -> "#868e96";
        };
        sb.append("<g><title>").append(Xml.esc("[" + h.time() + "ms] n" + h.node() + " " + h.text())).append("</title>")
                .append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(y).append("\" r=\"8\" fill=\"")
                .append(fill).append("\"/><text x=\"").append(f(x)).append("\" y=\"").append(y + 4)
                .append("\" text-anchor=\"middle\" fill=\"white\" font-size=\"10\" font-weight=\"bold\">")
                .append(Xml.esc(letter)).append("</text></g>\n");
    }
}
