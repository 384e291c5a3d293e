package raftlab.shell;

import java.util.function.LongSupplier;

import raftlab.lab.ClockControl;
import raftlab.lab.LabException;

/**
 * The automatic clock's state and arithmetic: how many virtual ms are due, given the real time elapsed and the
 * rate. Real time comes from an injected source (System::nanoTime in the shell, a fake in tests); this is the only
 * place the lab reads a wall clock, and what it reads never reaches a script or transcript.
 */
final class AutoClock implements ClockControl {
    /** A longer real gap (a suspended laptop, a debugger) is not replayed as one huge jump of virtual time. */
    static final long MAX_STEP_MS = 1000;

    private final LongSupplier nanoTime;
    private boolean auto;
    private boolean paused;
    private double rate = 1;
    private long last;
    /** The fraction of a virtual ms already elapsed but not yet handed out, so slow rates do not lose time. */
    private double carry;

    AutoClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public void auto(double newRate) {
        if (!running()) {
            restart();
        }
        rate = newRate;
        auto = true;
        paused = false;
    }

    @Override
    public void manual() {
        auto = false;
        paused = false;
    }

    @Override
    public void pause() {
        requireAuto("pause");
        paused = true;
    }

    @Override
    public void resume() {
        requireAuto("resume");
        if (paused) {
            restart();
            paused = false;
        }
    }

    private void requireAuto(String what) {
        if (!auto) {
            throw new LabException(what + ": the clock is manual; `clock auto` starts it");
        }
    }

    private void restart() {
        last = nanoTime.getAsLong();
        carry = 0;
    }

    /** Whether virtual time is running by itself now. */
    boolean running() {
        return auto && !paused;
    }

    double rate() {
        return rate;
    }

    /** The whole virtual ms due since the last call (0 when not running); the fraction is kept for next time. */
    long due() {
        if (!running()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        double virtual = (now - last) / 1e6 * rate + carry;
        last = now;
        long ms = (long) Math.floor(virtual);
        carry = virtual - ms;
        if (ms > MAX_STEP_MS) {
            ms = MAX_STEP_MS;
            carry = 0;
        }
        return Math.max(ms, 0);
    }
}
