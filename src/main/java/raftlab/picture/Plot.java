package raftlab.picture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers drawn in the terminal, for what a script measured: a histogram (shared bins, one bar per series in each
 * bin) or a line (values in order). Plain ASCII, one mark per series ({@code # = * +}), a summary line per series
 * (count, min, median, mean, 90th percentile, max), and the same lines for the same numbers.
 */
public final class Plot {
    static final char[] MARKS = {'#', '=', '*', '+'};
    static final int LINE_HEIGHT = 12;

    /** {@code labels} may be null (series are then called 1, 2, ...); {@code unit} may be empty. */
    public record Options(List<String> labels, String title, String unit, int bins, int width) {
    }

    private Plot() {
    }

    /**
     * Each word is a series of numbers separated by commas; several words are several series, except that words
     * of one number each ({@code plot 3 5 8}) are read as one series, as a person typing them means.
     */
    public static List<double[]> parseSeries(List<String> words) {
        List<double[]> out = new ArrayList<>();
        boolean allSingle = words.size() > 1;
        for (String w : words) {
            String[] parts = w.split(",", -1);
            if (parts.length > 1) {
                allSingle = false;
            }
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = number(parts[i]);
            }
            out.add(v);
        }
        if (out.size() > MARKS.length && !allSingle) {
            throw new IllegalArgumentException("plot draws at most " + MARKS.length + " series, not " + out.size());
        }
        if (allSingle) {
            double[] one = new double[out.size()];
            for (int i = 0; i < one.length; i++) {
                one[i] = out.get(i)[0];
            }
            return List.of(one);
        }
        return out;
    }

    private static double number(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plot: '" + s + "' is not a number; give numbers separated by "
                    + "commas, as in `plot 3,5,8,2`");
        }
    }

    // ---------------------------------------------------------------------------------------------- histogram

    public static List<String> histogram(List<double[]> series, Options o) {
        List<String> out = header(series, o);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double[] s : series) {
            for (double v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double step = niceStep((max - min) / o.bins());
        double start = Math.floor(min / step) * step;
        int bins = Math.max(1, (int) Math.floor((max - start) / step) + 1);
        int[][] counts = new int[series.size()][bins];
        int most = 1;
        for (int si = 0; si < series.size(); si++) {
            for (double v : series.get(si)) {
                int b = Math.min(bins - 1, (int) Math.floor((v - start) / step));
                most = Math.max(most, ++counts[si][b]);
            }
        }
        String[] labels = new String[bins];
        int labelWidth = 0;
        for (int b = 0; b < bins; b++) {
            labels[b] = fmt(start + b * step) + ".." + fmt(start + (b + 1) * step) + o.unit();
            labelWidth = Math.max(labelWidth, labels[b].length());
        }
        int countWidth = String.valueOf(most).length();
        // Room for the bars: what is left after the label, " | ", a space and the count (or the axis's " count").
        int room = Math.max(10, o.width() - labelWidth - Math.max(countWidth, 6) - 5);
        for (int b = 0; b < bins; b++) {
            boolean labelled = false;
            for (int si = 0; si < series.size(); si++) {
                boolean lastChance = si == series.size() - 1 && !labelled;
                if (counts[si][b] == 0 && series.size() > 1 && !lastChance) {
                    continue; // an empty bar of one series says nothing; the bin keeps one row at least
                }
                String label = labelled ? "" : labels[b];
                labelled = true;
                int len = (int) Math.round((double) counts[si][b] * room / most);
                if (counts[si][b] > 0 && len == 0) {
                    len = 1; // a bin with something in it never looks empty
                }
                out.add((" ".repeat(labelWidth - label.length()) + label + " | "
                        + String.valueOf(MARKS[si]).repeat(len) + " " + (counts[si][b] == 0 ? "" : counts[si][b]))
                        .stripTrailing());
            }
        }
        out.add(" ".repeat(labelWidth) + " +" + "-".repeat(room + 1) + " count");
        return out;
    }

    /** The 1, 2 or 5 times a power of ten nearest to {@code raw} (by ratio), so bins have round edges. */
    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double best = pow;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (Math.abs(Math.log(m * pow / raw)) < Math.abs(Math.log(best / raw))) {
                best = m * pow;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------------------------------------- line

    public static List<String> line(List<double[]> series, Options o) {
        List<String> out = header(series, o);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int longest = 0;
        for (double[] s : series) {
            longest = Math.max(longest, s.length);
            for (double v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max == min) {
            max = min + 1;
        }
        String top = fmt(max) + o.unit();
        String bottom = fmt(min) + o.unit();
        int axis = Math.max(top.length(), bottom.length());
        int room = Math.max(10, o.width() - axis - 3);
        // Few values are spread out (6 columns apart at most); more values than columns share them, averaged.
        boolean spread = longest < room;
        int cols = spread ? Math.min(room, Math.max(1, (longest - 1) * 6 + 1)) : room;
        char[][] grid = new char[LINE_HEIGHT][cols];
        for (char[] row : grid) {
            Arrays.fill(row, ' ');
        }
        for (int si = series.size() - 1; si >= 0; si--) {
            double[] s = series.get(si);
            if (spread) {
                for (int i = 0; i < s.length; i++) {
                    int c = longest == 1 ? 0 : (int) Math.round((double) i * (cols - 1) / (longest - 1));
                    grid[row(s[i], min, max)][c] = MARKS[si];
                }
                continue;
            }
            for (int c = 0; c < cols; c++) {
                int lo = (int) ((long) c * longest / cols);
                int hi = (int) Math.max(lo + 1, (long) (c + 1) * longest / cols);
                double sum = 0;
                int n = 0;
                for (int i = lo; i < hi && i < s.length; i++) {
                    sum += s[i];
                    n++;
                }
                if (n > 0) {
                    grid[row(sum / n, min, max)][c] = MARKS[si];
                }
            }
        }
        for (int r = 0; r < LINE_HEIGHT; r++) {
            String label = r == 0 ? top : r == LINE_HEIGHT - 1 ? bottom : "";
            out.add((" ".repeat(axis - label.length()) + label + " | " + new String(grid[r])).stripTrailing());
        }
        out.add(" ".repeat(axis) + " +" + "-".repeat(cols + 1));
        String last = String.valueOf(longest);
        out.add(" ".repeat(axis + 3) + "1" + " ".repeat(Math.max(1, cols - 1 - last.length())) + last);
        return out;
    }

    /** The grid row of a value: 0 at the top for the largest. */
    private static int row(double v, double min, double max) {
        return (int) Math.round((max - v) / (max - min) * (LINE_HEIGHT - 1));
    }

    // ---------------------------------------------------------------------------------------------- shared

    private static List<String> header(List<double[]> series, Options o) {
        List<String> out = new ArrayList<>();
        if (o.title() != null && !o.title().isBlank()) {
            out.add(o.title());
        }
        for (int si = 0; si < series.size(); si++) {
            String name = o.labels() == null ? (series.size() == 1 ? "values" : "series " + (si + 1)) : o.labels().get(si);
            out.add(MARKS[si] + " " + name + ": " + summary(series.get(si), o.unit()));
        }
        return out;
    }

    /** {@code n=1000 min=153 median=201 mean=205.3 p90=262 max=299}. */
    static String summary(double[] values, String unit) {
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return "n=" + v.length + " min=" + fmt(v[0]) + unit + " median=" + fmt(quantile(v, 0.5)) + unit + " mean="
                + fmt(sum / v.length) + unit + " p90=" + fmt(quantile(v, 0.9)) + unit + " max=" + fmt(v[v.length - 1])
                + unit;
    }

    /** The nearest-rank quantile of sorted values: a value that occurred, never an interpolation. */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Up to two decimals, no trailing zeros, no exponent: 150, 2.5, 0.33. */
    static String fmt(double d) {
        BigDecimal b = BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = b.toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
