package raftlab.shell;

import java.util.List;

/**
 * What completion needs to know about the cluster, copied out by the thread that owns the lab after every command
 * and clock step: the completer (on the terminal's thread) reads only this immutable snapshot, never the lab.
 */
record CompletionFacts(int nodes, List<String> messageIds) {
    static final CompletionFacts NONE = new CompletionFacts(0, List.of());

    CompletionFacts {
        messageIds = List.copyOf(messageIds);
    }
}
