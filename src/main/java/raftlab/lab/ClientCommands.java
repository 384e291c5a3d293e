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
            int target;
            if (to != null) {
                target = liveNode(to);
            } else {
                target = cluster().leader();
                if (target == 0) {
                    throw new LabException("no leader known; tick until one is elected, or send to a node with --to N");
                }
            }
            cluster().submit(target, kind, key, value);
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

    @Command(name = "get", description = "Read key K, through the log (so the read is linearizable).")
    static final class Get extends KeyCommand {
        @Override
        public void run() {
            submit(CommandKind.GET, key, null);
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
