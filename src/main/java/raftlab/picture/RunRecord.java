package raftlab.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * A window of a recorded run, ready to draw: each node's state at the start, the state changes, messages and
 * happenings inside the window, and how much the recorder had to cut before it.
 *
 * @param nodes    number of nodes (ids 1..nodes)
 * @param start    state of each node at {@code from} (index 0 unused)
 * @param earliest send time of the oldest kept message: earlier messages were cut if {@code cutMessages > 0}
 */
public record RunRecord(int nodes, long from, long to, NodeState[] start, List<StateChange> changes,
                        List<MessageRecord> messages, List<Happening> happenings, long cutMessages,
                        long cutHappenings, long cutChanges, int limit, long earliest) {

    /** One line saying what the recorder cut, or null if it kept everything. */
    public String cutNote() {
        if (cutMessages == 0 && cutHappenings == 0 && cutChanges == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (cutMessages > 0) {
            parts.add(cutMessages + " messages");
        }
        if (cutHappenings > 0) {
            parts.add(cutHappenings + " events");
        }
        if (cutChanges > 0) {
            parts.add(cutChanges + " state changes");
        }
        return "the record keeps the last " + limit + " of each kind; the oldest " + String.join(", ", parts)
                + " were cut (messages kept from " + earliest + "ms)";
    }

    /** Each node's state at the end of the window. */
    public NodeState[] end() {
        NodeState[] s = new NodeState[nodes + 1];
        for (int id = 1; id <= nodes; id++) {
            s[id] = start[id].copy();
        }
        for (StateChange c : changes) {
            s[c.node()].apply(c);
        }
        return s;
    }
}
