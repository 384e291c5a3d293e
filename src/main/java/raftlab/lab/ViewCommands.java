package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import raftlab.picture.Json;

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
        /** Every kind a logged event can have: the nodes' own (one per {@link raftlab.raft.EventKind}), then the lab's. */
        static final List<String> KINDS = kinds();

        private static List<String> kinds() {
            List<String> all = new ArrayList<>();
            for (raftlab.raft.EventKind k : raftlab.raft.EventKind.values()) {
                all.add(k.label());
            }
            all.addAll(List.of("client", "crash", "restart", "net", "send", "deliver", "drop"));
            return List.copyOf(all);
        }

        @Option(names = "--last", paramLabel = "K", description = "only the last K events")
        Integer last;

        @Option(names = "--node", paramLabel = "N", description = "only events of node N")
        Integer nodeId;

        @Option(names = "--kind", paramLabel = "KIND",
                description = "only events of this kind: role, vote, commit, apply, truncate, transfer, snapshot, "
                        + "config, client, crash, restart, net, send, deliver, drop")
        String kind;

        @Option(names = "--json", description = "one JSON object per line (time, node, kind, text), for jq and other"
                + " programs")
        boolean json;

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
                LoggedEvent e = picked.get(i);
                out().line(json ? Json.object("time", e.time(), "node", e.node() == 0 ? null : e.node(), "kind", e.kind(),
                        "text", e.line().substring(EventPrinter.stamp(e.time()).length())) : e.line());
            }
            if (picked.isEmpty() && !json) {
                out().line("(no events)");
            }
        }
    }

    @Command(name = "progress", description = "What the leader knows of each follower: nextIndex (the next entry it will"
            + " send) and matchIndex (the last entry known to be replicated), as in Figure 2.")
    static final class Progress extends LabCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "N", description = "a leader's id (default: the live"
                + " leader of the highest term)")
        Integer id;

        @Override
        public void run() {
            int leader = id == null ? cluster().leader() : liveNode(id);
            if (leader == 0) {
                throw new LabException("no live leader; `run until leader` elects one");
            }
            raftlab.raft.RaftNode n = cluster().node(leader);
            if (n.role() != raftlab.raft.Role.LEADER) {
                throw new LabException("n" + leader + " is a " + n.role().name().toLowerCase() + ", not a leader; only a"
                        + " leader tracks its followers");
            }
            out().line("n" + leader + " leads term " + n.currentTerm() + ": last index " + n.log().lastIndex()
                    + ", commit " + n.commitIndex());
            Table t = new Table("follower", "nextIndex", "matchIndex", "behind", "state").alignRight(1, 2, 3);
            for (int peer = 1; peer <= cluster().size(); peer++) {
                if (peer != leader) {
                    raftlab.raft.Progress p = n.progress(peer);
                    if (p == null) {
                        t.row("n" + peer, "?", "?", "?", "not reported by this implementation");
                        continue;
                    }
                    t.row("n" + peer + (cluster().isUp(peer) ? "" : " (down)"), String.valueOf(p.next()),
                            String.valueOf(p.match()), String.valueOf(n.log().lastIndex() - p.match()),
                            p.state().name().toLowerCase() + (p.paused() ? ", waiting for an answer" : ""));
                }
            }
            t.render(out());
        }
    }
}
