package raftlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Bad options to {@code lab bench} get one line naming the problem and what is valid; nothing is measured. */
class BenchOptionsTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Bench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void unknownPartNamesTheParts() {
        String[] r = run("--only", "speed");
        assertEquals("2", r[0]);
        assertEquals("", r[1]);
        assertEquals("lab bench: unknown part 'speed'; parts: committed, deliveries, checks, explore, linear\n",
                r[2].replace("\r\n", "\n"));
    }

    @Test
    void anOptionWithoutItsArgumentIsNamed() {
        assertEquals("lab bench: --only takes a part: committed, deliveries, checks, explore, linear\n",
                run("--only")[2].replace("\r\n", "\n"));
        assertEquals("lab bench: --seconds takes a number\n", run("--seconds")[2].replace("\r\n", "\n"));
        assertEquals("lab bench: --repeats takes a number\n", run("--repeats", "x")[2].replace("\r\n", "\n"));
    }

    @Test
    void unknownOptionListsTheOptions() {
        String[] r = run("--fast");
        assertEquals("2", r[0]);
        assertEquals("lab bench: unknown option '--fast'; options: --seconds S, --repeats R, --memory, --only PART "
                + "(committed, deliveries, checks, explore, linear)\n", r[2].replace("\r\n", "\n"));
    }
}
