package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The transcript diff: diff -u's format, and linear memory on long transcripts. */
class UnifiedDiffTest {
    @Test
    void oneChangedLineGivesOneHunkWithThreeLinesOfContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
                UnifiedDiff.diff(a, b, "a", "b"));
    }

    @Test
    void insertionsAndDeletionsAreCountedAsDiffDoes() {
        assertEquals("--- a\n+++ b\n@@ -1,2 +1,3 @@\n x\n+y\n z\n", UnifiedDiff.diff("x\nz\n", "x\ny\nz\n", "a", "b"));
        assertEquals("--- a\n+++ b\n@@ -1,3 +1,2 @@\n x\n-y\n z\n", UnifiedDiff.diff("x\ny\nz\n", "x\nz\n", "a", "b"));
        assertEquals("--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n", UnifiedDiff.diff("", "x\n", "a", "b"));
        assertEquals("", UnifiedDiff.diff("same\n", "same\n", "a", "b"));
    }

    @Test
    void farApartChangesMakeSeparateHunks() {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            a.append("line ").append(i).append('\n');
        }
        String b = a.toString().replace("line 5\n", "LINE 5\n").replace("line 30\n", "LINE 30\n");
        String d = UnifiedDiff.diff(a.toString(), b, "a", "b");
        assertEquals(2, d.lines().filter(l -> l.startsWith("@@ ")).count(), d);
        assertTrue(d.contains("-line 5\n+LINE 5\n") && d.contains("-line 30\n+LINE 30\n"), d);
    }

    /**
     * Issue 7, defect 2: the old diff built an n*m table and ran out of memory past ~200k lines. 200,000 lines with
     * one edited line (and a few scattered edits) must diff in the default heap, quickly.
     */
    @Test
    void aLongTranscriptWithOneEditedLineDiffsInLinearSpace() {
        int n = 200_000;
        StringBuilder a = new StringBuilder(n * 40);
        for (int i = 0; i < n; i++) {
            a.append('[').append(i).append("ms] n").append(i % 5 + 1).append(" sends a heartbeat\n");
        }
        String expected = a.toString();
        String actual = expected.replace("[5ms] n1 sends", "[5ms] n1 SENDS")
                .replace("[100000ms] n1 sends", "[100000ms] n9 sends")
                .replace("[199990ms] n1 sends", "[199990ms] n1 sent");
        long start = System.nanoTime();
        String d = UnifiedDiff.diff(expected, actual, "a", "b");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(d.contains("-[5ms] n1 sends a heartbeat\n+[5ms] n1 SENDS a heartbeat\n"), d);
        assertTrue(d.contains("-[100000ms] n1 sends a heartbeat\n+[100000ms] n9 sends a heartbeat\n"), d);
        assertEquals(3, d.lines().filter(l -> l.startsWith("@@ ")).count(), d);
        assertTrue(ms < 30_000, "took " + ms + " ms");
    }

    /** Many scattered differences in long texts: still linear memory (a quadratic table would need ~10 GB). */
    @Test
    void manyDifferencesInLongTextsStillFit() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            a.append("a").append(i).append('\n');
            b.append(i % 100 == 0 ? "b" : "a").append(i).append('\n');
        }
        String d = UnifiedDiff.diff(a.toString(), b.toString(), "a", "b");
        assertEquals(500, d.lines().filter(l -> l.startsWith("+b")).count());
    }
}
