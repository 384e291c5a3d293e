package raftlab.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.DeltaType;

/**
 * A unified diff (as {@code diff -u} prints) between two texts, line by line, with three lines of context. The common
 * start and end are trimmed first (a replay usually differs in a few lines), then java-diff-utils' linear-space Myers
 * algorithm compares the middle: memory grows with the length of the texts, never with its square.
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
        int head = 0;
        while (head < n && head < m && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && a[n - 1 - tail].equals(b[m - 1 - tail])) {
            tail++;
        }
        List<int[]> ops = new ArrayList<>(Math.max(n, m) + 16);
        for (int i = 0; i < head; i++) {
            ops.add(new int[] {0, i, i});
        }
        List<String> midA = Arrays.asList(a).subList(head, n - tail);
        List<String> midB = Arrays.asList(b).subList(head, m - tail);
        int i = 0;
        int j = 0;
        for (Change c : new MyersDiffWithLinearSpace<String>().computeDiff(midA, midB, null)) {
            if (c.deltaType == DeltaType.EQUAL) {
                continue;
            }
            while (i < c.startOriginal) {
                ops.add(new int[] {0, head + i++, head + j++});
            }
            while (i < c.endOriginal) {
                ops.add(new int[] {1, head + i++, head + j}); // deletions first, as diff -u prints them
            }
            while (j < c.endRevised) {
                ops.add(new int[] {2, head + i, head + j++});
            }
        }
        while (i < midA.size()) {
            ops.add(new int[] {0, head + i++, head + j++});
        }
        for (int k = 0; k < tail; k++) {
            ops.add(new int[] {0, n - tail + k, m - tail + k});
        }
        deletionsFirst(ops);
        return ops;
    }

    /** Within each run of changes, deletions before insertions, as diff -u prints them (the library may interleave). */
    private static void deletionsFirst(List<int[]> ops) {
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == 0) {
                k++;
                continue;
            }
            int end = k;
            while (end < ops.size() && ops.get(end)[0] != 0) {
                end++;
            }
            List<int[]> run = new ArrayList<>(ops.subList(k, end));
            run.sort((x, y) -> Integer.compare(x[0], y[0])); // stable: 1 (delete) before 2 (insert)
            int aStart = Integer.MAX_VALUE;
            int bStart = Integer.MAX_VALUE;
            for (int[] op : run) {
                aStart = Math.min(aStart, op[1]);
                bStart = Math.min(bStart, op[2]);
            }
            int deleted = (int) run.stream().filter(x -> x[0] == 1).count();
            for (int[] op : run) {
                // a deletion is at bStart in the new text, an insertion after every deleted line of the old
                if (op[0] == 1) {
                    op[2] = bStart;
                } else {
                    op[1] = aStart + deleted;
                }
            }
            for (int r = 0; r < run.size(); r++) {
                ops.set(k + r, run.get(r));
            }
            k = end;
        }
    }

    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.split("\n", -1);
    }
}
