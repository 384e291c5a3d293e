package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (as {@code diff -u} prints) between two texts, line by line, with three lines of context. Built on
 * a longest-common-subsequence table: transcripts are a few thousand lines at most, so the quadratic table is fine.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff, or "" when the texts are equal. */
    public static String diff(String expected, String actual, String expectedName, String actualName) {
        if (expected.equals(actual)) {
            return "";
        }
        String[] a = lines(expected);
        String[] b = lines(actual);
        List<int[]> ops = script(a, b); // each op: {kind, indexA, indexB}; kind 0 keep, 1 delete, 2 insert
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(expectedName).append('\n');
        sb.append("+++ ").append(actualName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are at most 2*CONTEXT keeps apart
            while (true) {
                while (end < ops.size() && ops.get(end)[0] != 0) {
                    end++;
                }
                int keeps = 0;
                int j = end;
                while (j < ops.size() && ops.get(j)[0] == 0 && keeps <= 2 * CONTEXT) {
                    keeps++;
                    j++;
                }
                if (j < ops.size() && keeps <= 2 * CONTEXT) {
                    end = j;
                } else {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
            }
            appendHunk(sb, ops.subList(start, end), a, b);
            i = end;
        }
        return sb.toString();
    }

    private static void appendHunk(StringBuilder sb, List<int[]> hunk, String[] a, String[] b) {
        int aStart = -1;
        int bStart = -1;
        int aLen = 0;
        int bLen = 0;
        for (int[] op : hunk) {
            if (op[0] != 2) {
                if (aStart < 0) {
                    aStart = op[1];
                }
                aLen++;
            }
            if (op[0] != 1) {
                if (bStart < 0) {
                    bStart = op[2];
                }
                bLen++;
            }
        }
        int[] first = hunk.get(0);
        if (aStart < 0) {
            aStart = first[1];
        }
        if (bStart < 0) {
            bStart = first[2];
        }
        sb.append("@@ -").append(aLen == 0 ? aStart : aStart + 1).append(',').append(aLen)
                .append(" +").append(bLen == 0 ? bStart : bStart + 1).append(',').append(bLen).append(" @@\n");
        for (int[] op : hunk) {
            switch (op[0]) {
                case 0: sb.append(' ').append(a[op[1]]).append('\n'); break;
                case 1: sb.append('-').append(a[op[1]]).append('\n'); break;
                default: sb.append('+').append(b[op[2]]).append('\n');
            }
        }
    }

    private static List<int[]> script(String[] a, String[] b) {
        int n = a.length;
        int m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[i].equals(b[j])) {
                ops.add(new int[] {0, i++, j++});
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new int[] {1, i++, j}); // deletions first, as diff -u prints them
            } else {
                ops.add(new int[] {2, i, j++});
            }
        }
        return ops;
    }

    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.split("\n", -1);
    }
}
