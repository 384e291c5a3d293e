package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands that show what the nodes believe; they change nothing. */
final class ViewCommands {
    private ViewCommands() {
    }

    @Command(name = "status", description = "One row per node: up/down, role, term, vote, known leader, last log "
            + "index/term, commit, applied, when its election timer fires.")
    static final class Status extends LabCommand {
        @Override
        public void run() {
            out().line("time " + cluster().now() + "ms, seed " + cluster().seed());
            StatusView.render(cluster(), out());
        }
    }

    @Command(name = "log", description = "The logs of nodes N... (default all) side by side, aligned by index.")
    static final class Log extends LabCommand {
        @Parameters(paramLabel = "N", arity = "0..*", description = "node ids")
        List<Integer> ids = new ArrayList<>();

        @Option(names = "--from", paramLabel = "I", description = "start at index I")
        long from = 1;

        @Override
        public void run() {
            List<Integer> chosen = new ArrayList<>();
            if (ids.isEmpty()) {
                for (int i = 1; i <= cluster().size(); i++) {
                    chosen.add(i);
                }
            } else {
                for (int id : ids) {
                    node(id);
                    if (chosen.contains(id)) {
                        throw new LabException("node " + id + " is named twice");
                    }
                    chosen.add(id);
                }
            }
            LogView.render(cluster(), chosen, from, out());
        }
    }

    @Command(name = "events", description = "Events so far with this cluster, optionally only the last K, or of one "
            + "node or kind.")
    static final class Events extends LabCommand {
        static final List<String> KINDS = List.of("role", "vote", "commit", "apply", "truncate", "client", "crash",
                "restart", "net", "send", "deliver", "drop");

        @Option(names = "--last", paramLabel = "K", description = "only the last K events")
        Integer last;

        @Option(names = "--node", paramLabel = "N", description = "only events of node N")
        Integer nodeId;

        @Option(names = "--kind", paramLabel = "KIND",
                description = "only events of this kind: role, vote, commit, apply, truncate, client, crash, restart, "
                        + "send, deliver, drop")
        String kind;

        @Override
        public void run() {
            if (last != null && last < 0) {
                throw new LabException("--last takes a count of 0 or more, not " + last);
            }
            if (nodeId != null) {
                node(nodeId);
            }
            if (kind != null && !KINDS.contains(kind)) {
                throw new LabException("no event kind '" + kind + "'; kinds are " + String.join(", ", KINDS));
            }
            List<LoggedEvent> picked = new ArrayList<>();
            for (LoggedEvent e : lab.history()) {
                if ((nodeId == null || e.node() == nodeId) && (kind == null || e.kind().equals(kind))) {
                    picked.add(e);
                }
            }
            int start = last == null ? 0 : Math.max(0, picked.size() - last);
            for (int i = start; i < picked.size(); i++) {
                out().line(picked.get(i).line());
            }
            if (picked.isEmpty()) {
                out().line("(no events)");
            }
        }
    }
}
