package raftlab.shell;

import java.util.List;
import java.util.regex.Pattern;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colour for the terminal, chosen by pattern when a line is printed: the lab's output itself stays plain text, so
 * transcripts and pipes never see an escape code. Off when output is not a terminal or NO_COLOR is set.
 */
final class Colours {
    private record Rule(Pattern pattern, AttributedStyle style) {
    }

    private static final AttributedStyle RED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle GREEN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle YELLOW = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();

    /** First match wins; a line that matches nothing prints as it is. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^error: "), RED.bold()),
            new Rule(Pattern.compile(" becomes leader "), GREEN.bold()),
            new Rule(Pattern.compile(" becomes (pre-)?candidate "), YELLOW),
            new Rule(Pattern.compile(" crashes$"), RED),
            new Rule(Pattern.compile(" restarts "), GREEN),
            new Rule(Pattern.compile("^\\[\\d+ms\\] client #\\d+ .*: ok at index "), GREEN),
            new Rule(Pattern.compile("^\\[\\d+ms\\] client #\\d+ .*: (failed|outcome unknown)"), RED),
            new Rule(Pattern.compile("^\\[\\d+ms\\] (send|deliver|drop) #"), FAINT));

    private final boolean on;

    Colours(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on;
    }

    /** Whether to colour: only on a real terminal, and never when NO_COLOR is set to anything but "". */
    static boolean wanted(boolean terminal, String noColor) {
        return terminal && (noColor == null || noColor.isEmpty());
    }

    AttributedString paint(String line) {
        if (on) {
            for (Rule r : RULES) {
                if (r.pattern.matcher(line).find()) {
                    return new AttributedString(line, r.style);
                }
            }
        }
        return new AttributedString(line);
    }
}
