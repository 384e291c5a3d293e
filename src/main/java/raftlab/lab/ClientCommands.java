package raftlab.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.raft.CommandKind;

/** Client requests. Each goes to the node the lab believes leads (the live leader of the highest term) or to --to N. */
final class ClientCommands {
    private ClientCommands() {
    }

    abstract static class ClientCommand extends LabCommand {
        @Option(names = "--to", paramLabel = "N", description = "send to node N instead of the leader")
        Integer to;

        void submit(CommandKind kind, String key, String value) {
            submit(new raftlab.raft.Command(kind, key, value, 0));
        }

        void submit(raftlab.raft.Command command) {
            int target;
            if (to != null) {
                target = lab.userClient() != null ? node(to) : liveNode(to);
            } else {
                target = cluster().leader();
                if (target == 0) {
                    throw new LabException("no leader known; tick until one is elected, or send to a node with --to N");
                }
            }
            raftlab.sim.RetryingClient client = lab.userClient();
            if (client == null) {
                long id = cluster().submit(target, command);
                if (command.kind() == CommandKind.GET && cluster().outstanding().containsKey(id)) {
                    String waiting = waiting(target);
                    if (waiting != null) {
                        lab.note(0, "client", "client #" + id + " get " + command.key() + " -> n" + target + ": "
                                + waiting);
                    }
                }
                return;
            }
            int ahead = client.submit(command, target);
            if (ahead > 0) {
                out().line("c0 is waiting for the answer to " + client.current().describe() + " (seq "
                        + client.current().seq() + "); this request waits its turn (" + ahead + " in line)");
            }
        }

        /**
         * Why a read sent to {@code node} has no answer yet, so that `get` does not leave the user with no line at
         * all (a put prints "accepted"); null when a line follows anyway (a read through the log is accepted).
         */
        private String waiting(int node) {
            raftlab.raft.RaftNode n = cluster().node(node);
            return switch (cluster().config().settings().reads()) {
                case LOG -> null;
                case READINDEX, LEASE -> n.role() == raftlab.raft.Role.LEADER
                        ? "waiting: a round of heartbeats must confirm n" + node + " still leads (read index)"
                        : n.role() == raftlab.raft.Role.FOLLOWER
                        ? "waiting: n" + node + " asks its leader for a read index"
                        : "waiting for an answer";
            };
        }
    }

    /** A request naming one key. */
    abstract static class KeyCommand extends ClientCommand {
        @Parameters(index = "0", paramLabel = "K", description = "the key")
        String key;
    }

    /** A request naming a key and a value. */
    abstract static class KeyValueCommand extends KeyCommand {
        @Parameters(index = "1", paramLabel = "V", description = "the value")
        String value;
    }

    @Command(name = "put", description = "Set key K to value V.")
    static final class Put extends KeyValueCommand {
        @Override
        public void run() {
            submit(CommandKind.PUT, key, value);
        }
    }

    @Command(name = "append", description = "Append V to the value of key K (an absent key counts as empty).")
    static final class Append extends KeyValueCommand {
        @Override
        public void run() {
            submit(CommandKind.APPEND, key, value);
        }
    }

    @Command(name = "get", description = "Read key K, linearizably, as the cluster's --reads says (default readindex:"
            + " the leader confirms with a round of heartbeats that it still leads; log: through the log; lease: from"
            + " the leader's state while its lease holds). To a follower (--to F), it asks the leader for a read index.")
    static final class Get extends KeyCommand {
        @Override
        public void run() {
            submit(CommandKind.GET, key, null);
        }
    }

    @Command(name = "cas", description = "Compare-and-set: if key K holds OLD, set it to NEW (through the log; the "
            + "answer says what K held).")
    static final class Cas extends KeyCommand {
        @Parameters(index = "1", paramLabel = "OLD", description = "the value K must hold")
        String expected;
        @Parameters(index = "2", paramLabel = "NEW", description = "the value to set")
        String value;

        @Override
        public void run() {
            submit(raftlab.raft.Command.cas(key, expected, value, 0));
        }
    }

    @Command(name = "delete", description = "Remove key K.")
    static final class Delete extends KeyCommand {
        @Override
        public void run() {
            submit(CommandKind.DELETE, key, null);
        }
    }
}
