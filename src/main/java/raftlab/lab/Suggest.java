package raftlab.lab;

import java.util.Collection;

/** "Did you mean" for near misses: the closest word by edit distance, counting a swap of two letters as one edit. */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The candidate nearest to {@code word}, or null if none is near (at most 1 edit for words under 5 letters, 2
     * otherwise). Ties go to the candidate whose length is closer, then to the earlier one: {@code stauts} is
     * {@code status}, not {@code stats}.
     */
    public static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = word.length() < 5 ? 2 : 3;
        int bestLength = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            int len = Math.abs(c.length() - word.length());
            if (d < bestDistance || (d == bestDistance && best != null && len < bestLength)) {
                bestDistance = d;
                bestLength = len;
                best = c;
            }
        }
        return best;
    }

    /** Edit distance with insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
