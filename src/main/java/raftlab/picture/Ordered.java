package raftlab.picture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The moments of a window in the order they happened, (time, seq): message sends, message ends (delivery or drop)
 * and happenings. Exports that tell the run as a story (ShiViz, Mermaid) walk this list.
 */
record Ordered(long time, long seq, Moment moment, MessageRecord message, Happening happening) {
    enum Moment { SEND, END, HAPPENING }

    static List<Ordered> of(RunRecord r, boolean sends) {
        List<Ordered> out = new ArrayList<>();
        for (MessageRecord m : r.messages()) {
            if (sends && m.sentAt() >= r.from()) {
                out.add(new Ordered(m.sentAt(), m.sentSeq(), Moment.SEND, m, null));
            }
            if (m.fate() != MessageFate.IN_FLIGHT && m.endAt() <= r.to()) {
                out.add(new Ordered(m.endAt(), m.endSeq(), Moment.END, m, null));
            }
        }
        for (Happening h : r.happenings()) {
            out.add(new Ordered(h.time(), h.seq(), Moment.HAPPENING, null, h));
        }
        out.sort(Comparator.comparingLong(Ordered::time).thenComparingLong(Ordered::seq));
        return out;
    }
}
