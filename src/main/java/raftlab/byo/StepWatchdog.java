package raftlab.byo;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a node step that runs past its budget of real time (an endless loop in a learner's code). The thread that
 * steps a node registers the step; one daemon thread looks every few milliseconds and stops a thread whose step is
 * overdue, which then sees {@link ThreadDeath} inside the step and reports it as a {@link NodeFailure}. Nothing about
 * this reaches the output except that one failure line, so a run that never loops stays deterministic.
 */
final class StepWatchdog {
    /** Real time a single step may take. Far above what any sane step needs (microseconds). */
    static final long BUDGET_MS = 2_000;

    /** One running step: who runs it, and by when (System.nanoTime) it must end. */
    static final class Step {
        final Thread thread = Thread.currentThread();
        final long deadline = System.nanoTime() + BUDGET_MS * 1_000_000;
        volatile boolean stopped;
    }

    private static final ConcurrentHashMap<Thread, Step> RUNNING = new ConcurrentHashMap<>();
    private static volatile Thread watcher;

    private StepWatchdog() {
    }

    static Step begin() {
        ensureWatcher();
        Step s = new Step();
        RUNNING.put(s.thread, s);
        return s;
    }

    static void end(Step s) {
        RUNNING.remove(s.thread, s);
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
            for (Step s : RUNNING.values()) {
                if (!s.stopped && now - s.deadline > 0) {
                    s.stopped = true;
                    // The only way to stop a loop that never looks at an interrupt flag. The node is broken after it,
                    // and the cluster stops using it.
                    s.thread.stop();
                }
            }
        }
    }
}
