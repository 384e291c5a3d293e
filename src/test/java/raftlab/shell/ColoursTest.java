package raftlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColoursTest {
    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(Colours.wanted(true, null));
        assertTrue(Colours.wanted(true, ""), "NO_COLOR counts only when set to something");
        assertFalse(Colours.wanted(true, "1"));
        assertFalse(Colours.wanted(false, null));
    }

    @Test
    void linesAreColouredByWhatTheySay() {
        Colours on = new Colours(true);
        assertTrue(on.paint("error: x").toAnsi().contains("\u001b[31"), on.paint("error: x").toAnsi());
        assertTrue(on.paint("[167ms] n4 becomes leader in term 1 with 3 votes").toAnsi().contains("32"));
        assertTrue(on.paint("[161ms] n4 becomes candidate in term 1 (election timeout)").toAnsi().contains("33"));
        assertTrue(on.paint("[4259ms] n4 crashes").toAnsi().contains("31"));
        assertTrue(on.paint("[5016ms] client #1 put x=1: ok at index 3").toAnsi().contains("32"));
        assertTrue(on.paint("[5016ms] client #1 put x=1: failed, leader lost its term").toAnsi().contains("31"));
        assertEquals("[172ms] n4 commits up to index 1", on.paint("[172ms] n4 commits up to index 1").toAnsi());
    }

    @Test
    void offMeansPlainText() {
        Colours off = new Colours(false);
        for (String line : new String[] {"error: x", "[167ms] n4 becomes leader in term 1 with 3 votes",
            "[4259ms] n4 crashes"}) {
            assertEquals(line, off.paint(line).toAnsi());
        }
    }
}
