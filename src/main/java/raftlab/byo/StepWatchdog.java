package raftlab.byo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a call into a learner's node that runs past its budget of real time (an endless loop). Each thread that calls
 * a node has one {@link Step}, marked active while the call runs; one daemon thread looks every few milliseconds and
 * stops a thread whose call is overdue, which then sees {@link ThreadDeath} inside the call and reports it as a
 * failure of the node. Nothing of this reaches the output except that one failure line, so a run that never loops
 * stays deterministic.
 */
final class StepWatchdog {
    /** Real time a single call may take. Far above what any sane step needs (microseconds). */
    static final long BUDGET_MS = 2_000;

    /** A thread's calls into node code: whether one runs, by when (System.nanoTime) it must end. */
    static final class Step {
        final Thread thread;
        volatile long deadline;
        volatile boolean active;
        volatile boolean stopped;

        Step(Thread thread) {
            this.thread = thread;
        }
    }

    private static final Set<Step> ALL = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Step> MINE = ThreadLocal.withInitial(() -> {
        Step s = new Step(Thread.currentThread());
        ALL.add(s);
        ensureWatcher();
        return s;
    });
    private static Thread watcher;

    private StepWatchdog() {
    }

    /** Marks the start of a call into node code on this thread. Calls do not nest. */
    static Step begin() {
        Step s = MINE.get();
        s.stopped = false;
        s.deadline = System.nanoTime() + BUDGET_MS * 1_000_000;
        s.active = true; // last: the watcher that sees it active sees this deadline
        return s;
    }

    /** Marks the end of the call; under the step's lock, so the watcher never stops a thread that left it. */
    static void end(Step s) {
        synchronized (s) {
            s.active = false;
        }
    }

    private static synchronized void ensureWatcher() {
        if (watcher != null) {
            return;
        }
        Thread t = new Thread(StepWatchdog::watch, "raftlab-step-watchdog");
        t.setDaemon(true);
        t.start();
        watcher = t;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void watch() {
        while (true) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Step s : ALL) {
                if (!s.thread.isAlive()) {
                    ALL.remove(s); // a finished explore worker, say
                    continue;
                }
                if (!s.active || now - s.deadline <= 0) {
                    continue;
                }
                synchronized (s) {
                    if (s.active && !s.stopped && now - s.deadline > 0) {
                        s.stopped = true;
                        // The only way to stop a loop that never looks at an interrupt flag. The node is broken after
                        // it, and the cluster stops using it.
                        s.thread.stop();
                    }
                }
            }
        }
    }
}
