package raftlab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import picocli.CommandLine;
import raftlab.lab.Lab;
import raftlab.sim.InFlight;

/**
 * The one thread that owns the lab. The terminal's thread hands it command lines through a queue and waits for
 * their output, as immutable lists of strings; while the automatic clock runs, this thread also moves virtual time
 * every few real ms and hands what happened to {@code above} (which prints it above the prompt). No cluster state
 * ever crosses to another thread: only strings and {@link CompletionFacts}.
 */
final class LabThread {
    /** How often the automatic clock moves time, in real ms. */
    static final long STEP_MS = 5;

    /** A command's output, whether it asked to leave, and whether it failed (an error, a breach, Ctrl-C...). */
    record Result(List<String> lines, boolean quit, boolean failed) {
    }

    private static final class Request {
        final String line;
        final CompletableFuture<Result> result = new CompletableFuture<>();
        /** Counted down once the terminal's thread has printed the result: no clock output may overtake it. */
        final CountDownLatch printed = new CountDownLatch(1);

        Request(String line) {
            this.line = line;
        }
    }

    private static final Request STOP = new Request(null);

    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AutoClock clock;
    private final Consumer<List<String>> above;
    private final CompletableFuture<List<String>> opening = new CompletableFuture<>();
    private final CompletableFuture<CommandLine> tree = new CompletableFuture<>();
    private final Thread thread;
    private volatile CompletionFacts facts = CompletionFacts.NONE;
    /** The terminal's width for pictures; 0 when there is no terminal. Read on the lab's thread. */
    private volatile IntSupplier width = () -> 0;
    /** Whether a person is at a terminal: only then may the clock run by itself. */
    private final boolean interactive;

    /** Starts the thread, which makes a default lab; {@code nanoTime} drives the automatic clock. */
    LabThread(LongSupplier nanoTime, Consumer<List<String>> above) {
        this(nanoTime, above, true);
    }

    /** As above; without {@code interactive} the automatic clock is refused, so piped output is deterministic. */
    LabThread(LongSupplier nanoTime, Consumer<List<String>> above, boolean interactive) {
        this.interactive = interactive;
        this.clock = new AutoClock(nanoTime);
        this.above = above;
        thread = new Thread(this::loop, "lab");
        thread.setDaemon(true);
        thread.start();
    }

    /** What the new lab printed (its cluster line). */
    List<String> opening() {
        return opening.join();
    }

    /**
     * Runs {@code line} on the lab's thread and hands its output to {@code print} on the calling thread; the clock
     * stays still until {@code print} returns, so output appears in the order it happened.
     */
    Result execute(String line, Consumer<Result> print) {
        Request r = new Request(line);
        queue.add(r);
        Result result = r.result.join();
        try {
            print.accept(result);
        } finally {
            r.printed.countDown();
        }
        return result;
    }

    /** The command tree for completion; built on the lab's thread after start-up, so the prompt does not wait. */
    CommandLine tree() {
        return tree.join();
    }

    CompletionFacts facts() {
        return facts;
    }

    /** Where pictures ({@code timeline}) learn the terminal's width. */
    void setWidth(IntSupplier w) {
        width = w;
    }

    /** Ends the thread; the lab is dropped. */
    void stop() {
        queue.add(STOP);
    }

    private void loop() {
        Lab lab;
        try {
            lab = new Lab();
            if (interactive) {
                lab.setClockControl(clock);
            }
            lab.setTerminalWidth(() -> width.getAsInt());
            opening.complete(List.copyOf(lab.lastOutput().lines()));
            publishFacts(lab);
        } catch (RuntimeException | Error e) {
            opening.completeExceptionally(e);
            tree.completeExceptionally(e);
            return;
        }
        while (true) {
            Request r;
            try {
                r = queue.poll();
                if (r == null && !tree.isDone()) {
                    buildTree(lab); // while nobody waits: the first Tab finds it ready, the prompt never waits for it
                    continue;
                }
                if (r == null) {
                    r = clock.running() ? queue.poll(STEP_MS, TimeUnit.MILLISECONDS) : queue.take();
                }
            } catch (InterruptedException e) {
                return;
            }
            if (r == STOP) {
                return;
            }
            // Time first, so a command typed while the clock runs happens at the right virtual time.
            advance(lab);
            if (r != null) {
                run(lab, r);
                if (r.result.join().quit()) {
                    return;
                }
            }
        }
    }

    private void buildTree(Lab lab) {
        try {
            tree.complete(lab.commands().tree());
        } catch (RuntimeException e) {
            tree.completeExceptionally(e);
        }
    }

    private void advance(Lab lab) {
        long ms = clock.due();
        if (ms > 0) {
            List<String> lines = List.copyOf(lab.advance(ms).lines());
            publishFacts(lab);
            if (!lines.isEmpty()) {
                above.accept(lines);
            }
        }
    }

    private void run(Lab lab, Request r) {
        Result result;
        try {
            result = new Result(List.copyOf(lab.execute(r.line).shown()), lab.quitRequested(), lab.lastFailed());
        } catch (RuntimeException e) {
            // Lab.execute never throws; if it ever does, the user sees one line and the shell goes on.
            result = new Result(List.of("error: internal error (a bug in the lab): " + e), false, true);
        }
        publishFacts(lab);
        r.result.complete(result);
        try {
            r.printed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishFacts(Lab lab) {
        List<String> ids = new ArrayList<>();
        for (InFlight m : lab.cluster().inFlight()) {
            ids.add(String.valueOf(m.id));
        }
        facts = new CompletionFacts(lab.cluster().size(), ids);
    }
}
