package raftlab.lab;

/**
 * The automatic clock, as the interactive shell offers it to the clock commands. The lab itself only knows the
 * manual clock (time moves when a command moves it), which keeps scripts and transcripts deterministic; the shell
 * installs this hook with {@link Lab#setClockControl}. Its methods run on the thread that owns the lab, inside a
 * command, and throw {@link LabException} when the clock cannot do what is asked.
 */
public interface ClockControl {
    /** Starts the clock, or changes its rate: {@code rate} virtual ms per real ms. */
    void auto(double rate);

    /** Stops the clock for good: time moves only with commands again. */
    void manual();

    /** Stops the running clock until {@link #resume}. */
    void pause();

    void resume();
}
