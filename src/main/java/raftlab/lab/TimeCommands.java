package raftlab.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Commands that move virtual time. */
final class TimeCommands {
    private TimeCommands() {
    }

    @Command(name = "tick", description = "Advance virtual time by MS milliseconds (default 10), running every timer "
            + "and delivery due meanwhile. `tick 0` runs only what is due now, such as a batching leader's flush at the"
            + " end of the instant.")
    static final class Tick extends LabCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "MS", defaultValue = "10", description = "milliseconds")
        long ms;

        @Override
        public void run() {
            if (ms < 0 || ms > 100_000_000) {
                throw new LabException("tick takes 0..100000000 ms, not " + ms);
            }
            cluster().tick(ms);
        }
    }

    @Command(name = "timeout", description = "Fire node N's election timer now: it becomes a candidate in a new term.")
    static final class Timeout extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id")
        int id;

        @Override
        public void run() {
            liveNode(id);
            if (cluster().node(id).role() == raftlab.raft.Role.LEADER) {
                throw new LabException("n" + id + " is the leader and has no election timer; crash it or cut it off"
                        + " to force an election");
            }
            cluster().fireElectionTimeout(id);
        }
    }

    @Command(name = "transfer", description = "Ask the leader to hand leadership to node N: it brings N's log up to "
            + "date, sends it TimeoutNow and refuses new requests meanwhile.")
    static final class Transfer extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id of the new leader")
        int id;

        @Override
        public void run() {
            liveNode(id);
            int leader = cluster().leader(); // the live leader of the highest term, as clients pick it
            if (leader == 0) {
                throw new LabException("no node leads now; `run until leader` first");
            }
            if (leader == id) {
                throw new LabException("n" + id + " already leads term " + cluster().node(id).currentTerm()
                        + "; name another node");
            }
            cluster().transferLeadership(leader, id);
        }
    }

    @Command(name = "skew", description = "Make node N's clock run at RATE times virtual time (0.5: half as fast, so "
            + "its timers fire twice as late; 1: in step). Timers it arms from now on follow; a crash keeps it.")
    static final class Skew extends LabCommand {
        @Parameters(index = "0", paramLabel = "N", description = "node id")
        int id;

        @Parameters(index = "1", paramLabel = "RATE", description = "how fast its clock runs, 0.01..100 (1: exactly)")
        double rate;

        @Override
        public void run() {
            node(id);
            if (!(rate >= 0.01 && rate <= 100)) {
                throw new LabException("skew takes a rate from 0.01 to 100 (1: in step with virtual time), not "
                        + CheckCommands.fmt(rate));
            }
            cluster().setClockRate(id, rate);
            out().line("n" + id + "'s clock runs at " + CheckCommands.fmt(rate) + " times virtual time"
                    + (rate == 1 ? "" : ": a timer of T ms fires after about " + CheckCommands.fmt(Math.round(100 / rate)
                    / 100.0) + " T"));
        }
    }

    @Command(name = "now", description = "Print the virtual time.")
    static final class Now extends LabCommand {
        @Override
        public void run() {
            out().line("now " + cluster().now() + "ms");
        }
    }
}
