package raftlab.raft;

/**
 * Everything a node can do to the outside world. The node never reads a clock, sleeps or does I/O: it asks
 * its environment to send messages and to (re)arm its two timers, and it reports what it did.
 */
public interface NodeEnv {
    void send(Message m);

    /** Arms the election timer to fire {@code delayMs} from now, replacing any pending one. */
    void setElectionTimer(long delayMs);

    void cancelElectionTimer();

    /** Arms the heartbeat timer to fire {@code delayMs} from now, replacing any pending one. */
    void setHeartbeatTimer(long delayMs);

    void cancelHeartbeatTimer();

    /** A uniformly random int in [0, bound) from the cluster's single seeded source. */
    int randomInt(int bound);

    void event(NodeEvent e);

    void reply(ClientReply r);
}
