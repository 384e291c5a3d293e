package raftlab.lab;

/** Parses the {@code MIN..MAX} ranges the commands take (election timeouts, latency). */
public final class Ranges {
    private Ranges() {
    }

    /** Returns {min, max}; {@code what} names the option in the error. A single number means MIN = MAX. */
    public static long[] parse(String text, String what, long lowest) {
        String[] parts = text.split("\\.\\.", -1);
        if (parts.length > 2) {
            throw bad(text, what);
        }
        try {
            long min = Long.parseLong(parts[0].trim());
            long max = parts.length == 2 ? Long.parseLong(parts[1].trim()) : min;
            if (min < lowest || max < min) {
                throw new LabException(what + " " + text + " is not a valid range: need " + lowest
                        + " <= MIN <= MAX, as in 150..300");
            }
            return new long[] {min, max};
        } catch (NumberFormatException e) {
            throw bad(text, what);
        }
    }

    private static LabException bad(String text, String what) {
        return new LabException(what + " '" + text + "' is not a range; write MIN..MAX, as in 150..300");
    }
}
