package raftlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The grader judges: the lab's own core passes every test, the seed article's naive sketch fails the ones its bugs
 * break (and passes the election tests its bugs do not reach), the skeleton fails every election test, and the
 * elections-only step of the walk-through passes exactly the election tests, and a complete student-style node passes
 * all.
 */
class GradingTest {
    private static final List<String> ELECTIONS = List.of("initial-election", "re-election", "many-elections");

    private record Graded(int exit, String out, String err) {
        /** Test name to PASS or FAIL. */
        Map<String, String> verdicts() {
            Map<String, String> v = new TreeMap<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("PASS ") || line.startsWith("FAIL ")) {
                    v.put(line.substring(5).trim().split(" ")[0], line.substring(0, 4));
                }
            }
            return v;
        }

        String reason(String test) {
            for (String line : out.split("\n")) {
                if (line.startsWith("FAIL " + test + " ")) {
                    return line;
                }
            }
            return null;
        }
    }

    private static Graded grade(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Grade.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Graded(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> all(String verdict) {
        Map<String, String> v = new TreeMap<>();
        for (String n : Grade.names()) {
            v.put(n, verdict);
        }
        return v;
    }

    @Test
    void theLabsOwnCorePassesEveryTest() {
        Graded g = grade("--reference");
        assertEquals(all("PASS"), g.verdicts(), g.out);
        assertEquals(0, g.exit);
        assertTrue(g.out.endsWith(Grade.names().size() + " of " + Grade.names().size() + " passed\n"), g.out);
    }

    /** Proof that grade judges behaviour, not the lab's own code: a separate, student-style node passes it all. */
    @Test
    void aCompleteStudentStyleImplementationPassesEveryTest() {
        Graded g = grade("examples/complete/MyRaft.java");
        assertEquals(all("PASS"), g.verdicts(), g.out);
        assertEquals(0, g.exit);
    }

    @Test
    void theNaiveSketchFailsWhereItsBugsBite() {
        Graded g = grade("examples/naive/NaiveRaft.java");
        Map<String, String> expected = all("FAIL");
        // Its elections work while nothing is lost or duplicated, and a power loss right after a put does not reach
        // its bugs; everything that needs the log consistency check breaks Log Matching or State Machine Safety.
        for (String pass : List.of("initial-election", "re-election", "many-elections", "basic-agreement",
                "persist-power-loss")) {
            expected.put(pass, "PASS");
        }
        assertEquals(expected, g.verdicts(), g.out);
        assertEquals(1, g.exit);
        for (String t : List.of("backup", "rejoin", "figure-8", "fail-agree")) {
            String line = g.reason(t);
            assertTrue(line.contains("SAFETY BREACH: Log Matching") || line.contains("SAFETY BREACH: State Machine"),
                    line);
        }
        assertTrue(g.out.contains("replay: ./lab grade examples/naive/NaiveRaft.java --only backup --verbose"), g.out);
        assertTrue(g.reason("fuzz").contains("`replay --seed "), g.reason("fuzz"));
    }

    @Test
    void theSkeletonFailsTheElectionTests() {
        Graded g = grade("examples/skeleton/MyRaft.java");
        for (String t : ELECTIONS) {
            assertEquals("FAIL", g.verdicts().get(t), g.out);
            assertTrue(g.reason(t).contains("no leader among"), g.reason(t));
        }
        assertTrue(g.reason("fuzz").contains("STUCK: after the faults ended") && g.reason("fuzz").contains("no leader"),
                g.reason("fuzz"));
        assertEquals(1, g.exit);
    }

    @Test
    void theElectionsStepPassesExactlyTheElectionTests() {
        Graded g = grade("examples/elections/MyRaft.java");
        List<String> passed = new ArrayList<>();
        g.verdicts().forEach((test, v) -> {
            if (v.equals("PASS")) {
                passed.add(test);
            }
        });
        List<String> expected = new ArrayList<>(ELECTIONS);
        expected.sort(null);
        assertEquals(expected, passed, g.out);
        // Nothing is ever committed, so nothing breaks, but explore's clients are never answered.
        assertTrue(g.reason("fuzz").contains("STUCK"), g.reason("fuzz"));
    }

    @Test
    void onlyOneTestVerboseShowsTheCommandsThatReplayIt() {
        Graded g = grade("examples/naive/NaiveRaft.java", "--only", "initial-election", "--verbose");
        assertTrue(g.out.contains("  > cluster 3 --seed 1 --impl examples/naive/NaiveRaft.java\n"), g.out);
        assertTrue(g.out.contains("n1 becomes leader in term 1 with 3 votes"), g.out); // the double count, shown
        assertTrue(g.out.endsWith("1 of 1 passed\n"), g.out);
    }

    @Test
    void badArgumentsExitTwoWithOneLine() {
        Graded none = grade();
        assertEquals(2, none.exit);
        assertTrue(none.err.startsWith("lab grade: name your implementation"), none.err);
        Graded unknown = grade("examples/naive/NaiveRaft.java", "--only", "nope");
        assertEquals(2, unknown.exit);
        assertTrue(unknown.err.startsWith("lab grade: no test 'nope'; the tests are initial-election"), unknown.err);
        Graded missing = grade("nope/MyRaft.java");
        assertEquals(2, missing.exit);
        assertEquals("lab grade: no such file nope/MyRaft.java; --impl takes a .java file or a class name\n",
                missing.err);
    }
}
