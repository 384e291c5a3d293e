package raftlab.sim;

import java.util.ArrayDeque;

import raftlab.raft.DiskWrite;
import raftlab.raft.PersistentState;

/**
 * A node's stable storage. A write is visible at once (what a restart after a crash reads: the operating system
 * still has it) but becomes durable only {@code syncMs} virtual milliseconds later; writes become durable in the
 * order they were made. A power loss throws away what is not durable yet. With {@code syncMs} 0, every write is
 * durable at once and only one copy is kept.
 */
final class Disk {
    private final long syncMs;
    /** Everything written, durable or not. */
    private final PersistentState written = new PersistentState();
    /** What survives a power loss; null when writes are durable at once. */
    private final PersistentState durable;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** When the latest write becomes durable. */
    private long lastDurableAt;

    private record Pending(long durableAt, DiskWrite write) {
    }

    Disk(long syncMs) {
        this.syncMs = syncMs;
        this.durable = syncMs > 0 ? new PersistentState() : null;
    }

    /** Writes {@code w} at {@code now}; returns when it (and every earlier write) is durable. */
    long write(DiskWrite w, long now) {
        written.apply(w);
        if (durable == null) {
            return now;
        }
        settle(now);
        lastDurableAt = Math.max(now + syncMs, lastDurableAt);
        pending.add(new Pending(lastDurableAt, w));
        return lastDurableAt;
    }

    /** When every write made so far is durable (now, if they all are). */
    long durableAt(long now) {
        return Math.max(now, lastDurableAt);
    }

    /** Power is lost at {@code now}: writes not durable by then are gone. */
    void losePower(long now) {
        if (durable == null) {
            return;
        }
        settle(now);
        pending.clear();
        written.resetTo(durable);
        lastDurableAt = now;
    }

    /** What survives a power loss at {@code now}: everything written, when writes are durable at once. */
    PersistentState durable(long now) {
        if (durable == null) {
            return written;
        }
        settle(now);
        return durable;
    }

    /** What the disk holds: what a node restarted after a crash reads. */
    PersistentState state() {
        return written;
    }

    private void settle(long now) {
        while (!pending.isEmpty() && pending.peek().durableAt() <= now) {
            durable.apply(pending.poll().write());
        }
    }
}
