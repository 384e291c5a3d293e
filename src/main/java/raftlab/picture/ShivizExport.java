package raftlab.picture;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A log for ShiViz (https://bestchai.bitbucket.io/shiviz/): for each event, a line describing it and a line with the
 * host and its vector clock. The file starts with the parsing regular expression ShiViz asks for, then an empty
 * line (no delimiter between executions), then the log. Hosts are {@code n1..nN}. Each send, receive and node event
 * ticks its host's clock; a receive first takes the maximum with the clock the message carried, which is how ShiViz
 * draws the message as an arrow. A dropped message is a send with no receive.
 */
public final class ShivizExport {
    public static final String REGEX = "(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})";

    private ShivizExport() {
    }

    public static String render(RunRecord r) {
        int n = r.nodes();
        long[][] clock = new long[n + 1][n + 1];
        Map<Long, long[]> carried = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        sb.append(REGEX).append("\n\n");
        List<Ordered> items = Ordered.of(r, true);
        for (Ordered o : items) {
            int host = 0;
            String text = "";
            switch (o.moment()) {
                case SEND -> {
                    MessageRecord m = o.message();
                    host = m.from();
                    clock[host][host]++;
                    carried.put(m.id(), clock[host].clone());
                    text = "send #" + m.id() + " " + m.type() + " to n" + m.to() + " " + m.message().fields()
                            + (m.fate() == MessageFate.DROPPED ? " (dropped: " + m.why() + ")" : "");
                }
                case END -> {
                    MessageRecord m = o.message();
                    if (m.fate() == MessageFate.DROPPED) {
                        continue;
                    }
                    host = m.to();
                    long[] sent = carried.remove(m.id());
                    if (sent != null) {
                        for (int i = 1; i <= n; i++) {
                            clock[host][i] = Math.max(clock[host][i], sent[i]);
                        }
                    }
                    clock[host][host]++;
                    text = "receive #" + m.id() + " " + m.type() + " from n" + m.from() + " " + m.message().fields();
                }
                case HAPPENING -> {
                    Happening h = o.happening();
                    host = h.node();
                    clock[host][host]++;
                    text = h.text();
                }
            }
            sb.append('[').append(o.time()).append("ms] ").append(text.replace('\n', ' ')).append('\n');
            sb.append('n').append(host).append(" {");
            boolean first = true;
            for (int i = 1; i <= n; i++) {
                if (clock[host][i] > 0) {
                    sb.append(first ? "" : ", ").append("\"n").append(i).append("\":").append(clock[host][i]);
                    first = false;
                }
            }
            sb.append("}\n");
        }
        return sb.toString();
    }
}
