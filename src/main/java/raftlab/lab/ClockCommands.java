package raftlab.lab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The automatic clock's commands. They belong to the one vocabulary, but only the interactive shell can honour
 * them (through {@link ClockControl}); anywhere else they fail, so that scripts and transcripts stay deterministic.
 */
final class ClockCommands {
    static final double MAX_RATE = 1000;
    /** Commands a recorded session keeps only as comments: replaying them would fail. */
    static final java.util.Set<String> NAMES = java.util.Set.of("clock", "pause", "resume");

    private ClockCommands() {
    }

    /** The hook, or the one-line refusal when there is none. */
    static ClockControl control(Lab lab, String what) {
        ClockControl c = lab.clockControl();
        if (c == null && lab.replaying()) {
            throw new LabException(what + " works only in the interactive shell; scripts and transcripts use the manual"
                    + " clock");
        }
        if (c == null) {
            throw new LabException(what + " needs a person at a terminal; piped input uses the manual clock, so that the"
                    + " same input always prints the same output");
        }
        return c;
    }

    /** "1", "0.5", "0.125": the rate as a person would write it. */
    static String rate(double r) {
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    @Command(name = "clock", description = "In the shell, `clock auto` makes virtual time run by itself (R virtual ms "
            + "per real ms, 0.1 for slow motion); `clock manual` stops it.")
    static final class Clock extends LabCommand {
        @Parameters(index = "0", paramLabel = "auto|manual", description = "auto: time runs by itself; manual: only "
                + "commands move it")
        String mode;

        @Option(names = "--rate", paramLabel = "R", description = "virtual ms per real ms (default 1)")
        Double rate;

        @Override
        public void run() {
            if (mode.equals("auto")) {
                double r = rate == null ? 1 : rate;
                if (!(r > 0 && r <= MAX_RATE)) {
                    throw new LabException("--rate takes a number above 0 and at most " + rate(MAX_RATE) + ", not "
                            + rate(r));
                }
                control(lab, "clock auto").auto(r);
                out().line("clock auto at " + cluster().now() + "ms: " + rate(r) + " virtual ms per real ms; `pause` "
                        + "or `clock manual` stops it");
            } else if (mode.equals("manual")) {
                if (rate != null) {
                    throw new LabException("--rate goes with `clock auto`, not `clock manual`");
                }
                control(lab, "clock manual").manual();
                out().line("clock manual at " + cluster().now() + "ms: time moves only with tick, run and timeout");
            } else {
                throw new LabException("clock takes auto or manual, not '" + mode + "'");
            }
        }
    }

    @Command(name = "pause", description = "In the shell, stop the automatic clock until `resume`.")
    static final class Pause extends LabCommand {
        @Override
        public void run() {
            control(lab, "pause").pause();
            out().line("paused at " + cluster().now() + "ms; `resume` starts the clock again");
        }
    }

    @Command(name = "resume", description = "In the shell, restart the automatic clock after `pause`.")
    static final class Resume extends LabCommand {
        @Override
        public void run() {
            control(lab, "resume").resume();
            out().line("resumed at " + cluster().now() + "ms");
        }
    }
}
