package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.lab.Lab;
import raftlab.lab.Transcript;

/** The clock commands outside the shell, and how a session that used the automatic clock is recorded. */
class ClockCommandsTest {
    private static final String REFUSAL = " needs a person at a terminal; piped input uses the manual clock, so that"
            + " the same input always prints the same output";

    @Test
    void aPlainLabRefusesTheClockCommandsInOneLine() {
        Lab lab = new Lab(); // not replaying: a lab of piped input, or of one command from the OS shell
        lab.execute("tick 400");
        String before = String.join("\n", lab.execute("status").lines());
        assertEquals(List.of("error: clock auto" + REFUSAL), lab.execute("clock auto").lines());
        assertEquals(List.of("error: clock auto" + REFUSAL), lab.execute("clock auto --rate 0.1").lines());
        assertEquals(List.of("error: clock manual" + REFUSAL), lab.execute("clock manual").lines());
        assertEquals(List.of("error: pause" + REFUSAL), lab.execute("pause").lines());
        assertEquals(List.of("error: resume" + REFUSAL), lab.execute("resume").lines());
        assertEquals(before, String.join("\n", lab.execute("status").lines()), "nothing changed");
    }

    @Test
    void badClockArgumentsAreNamed() {
        Lab lab = new Lab();
        assertEquals(List.of("error: clock takes auto or manual, not 'fast'"), lab.execute("clock fast").lines());
        assertEquals(List.of("error: --rate takes a number above 0 and at most 1000, not 0"),
                lab.execute("clock auto --rate 0").lines());
        assertEquals(List.of("error: --rate goes with `clock auto`, not `clock manual`"),
                lab.execute("clock manual --rate 2").lines());
        assertTrue(lab.execute("clock").lines().get(0).startsWith("error: clock: auto|manual is missing"),
                lab.lastError());
    }

    @Test
    void aRecordedSessionKeepsTheClockAsCommentsAndItsAdvancesAsTicks() {
        Lab lab = new Lab();
        lab.setClockControl(new AutoClock(() -> 0L));
        lab.execute("clock auto --rate 0.5");
        lab.advance(100);
        lab.advance(250);
        lab.advance(50);
        lab.execute("put x 1");
        lab.advance(3);
        lab.advance(97);
        lab.execute("pause");
        lab.execute("status");
        String text = Transcript.render(lab.session());
        assertTrue(text.startsWith("# clock auto --rate 0.5\n> tick 400\n[152ms] n4 becomes candidate"), text);
        assertTrue(text.contains("\n> put x 1\n[400ms] client #1 put x=1 -> n4: accepted at index 2\n> tick 100\n"),
                text);
        assertTrue(text.contains("\n# pause\n> status\ntime 500ms, seed 1\n"), text);
        assertEquals(text, Transcript.replay(text), "the recorded session replays byte for byte");
    }
}
