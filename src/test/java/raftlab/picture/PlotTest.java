package raftlab.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlotTest {
    private static Plot.Options options(int width) {
        return new Plot.Options(List.of("narrow", "wide"), "t", "ms", 10, width);
    }

    @Test
    void aHistogramCountsEveryValueOnceInSharedBins() {
        double[] a = {150, 151, 160, 175, 199, 200, 290};
        double[] b = {150, 300, 450, 599};
        List<String> lines = Plot.histogram(List.of(a, b), options(80));
        int sumA = 0;
        int sumB = 0;
        for (String l : lines) {
            var m = java.util.regex.Pattern.compile("\\| ([#=]+) (\\d+)$").matcher(l);
            if (m.find()) {
                int n = Integer.parseInt(m.group(2));
                if (m.group(1).charAt(0) == '#') {
                    sumA += n;
                } else {
                    sumB += n;
                }
            }
            assertTrue(l.length() <= 80, "fits 80 columns: " + l);
        }
        assertEquals(a.length, sumA);
        assertEquals(b.length, sumB);
        assertEquals("# narrow: n=7 min=150ms median=175ms mean=189.29ms p90=290ms max=290ms", lines.get(1));
        // The fullest bin gets the whole room: 80 columns less the label (10), " | " and " " (4) and the count's 6.
        String fullest = "150..200ms | " + "#".repeat(80 - 10 - 4 - 6 - 1) + " 5";
        assertTrue(lines.contains(fullest), lines.toString());
    }

    @Test
    void aLineHasOneMarkPerValueAndTheExtremesOnTheAxis() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        List<String> lines = Plot.line(List.of(v), new Plot.Options(null, null, "", 10, 100));
        // Twelve values spread 6 columns apart: the largest last, at the top; the smallest first, at the bottom.
        assertEquals("12 | " + " ".repeat(66) + "#", lines.get(1));
        assertEquals(" 1 | #", lines.get(Plot.LINE_HEIGHT));
        long marks = lines.stream().mapToLong(l -> l.chars().filter(c -> c == '#').count()).sum();
        assertEquals(v.length + 1, marks, "one mark per value, plus the summary line's");
        for (String l : lines) {
            assertTrue(l.length() <= 100, l);
        }
    }

    @Test
    void moreValuesThanColumnsAreAveragedIntoTheWidth() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 0 : 10; // averages to 5 in every column
        }
        List<String> lines = Plot.line(List.of(v), new Plot.Options(null, null, "", 10, 60));
        long marks = lines.stream().skip(1).mapToLong(l -> l.chars().filter(c -> c == '#').count()).sum();
        assertEquals(60 - 2 - 3, marks, "one mark per column");
        assertTrue(lines.stream().allMatch(l -> l.length() <= 60));
    }

    @Test
    void wordsOfOneNumberAreOneSeriesAndBadNumbersAreRefused() {
        assertEquals(1, Plot.parseSeries(List.of("3", "5", "8")).size());
        assertEquals(3, Plot.parseSeries(List.of("3", "5", "8")).get(0).length);
        assertEquals(2, Plot.parseSeries(List.of("3,4", "5")).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.parseSeries(List.of("3,x")));
        assertEquals("plot: 'x' is not a number; give numbers separated by commas, as in `plot 3,5,8,2`", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plot.parseSeries(List.of("1,2", "1,2", "1,2", "1,2", "1,2")));
    }

    @Test
    void quantilesAreValuesThatOccurred() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, Plot.quantile(sorted, 0.5));
        assertEquals(9, Plot.quantile(sorted, 0.9));
        assertEquals("2.5", Plot.fmt(2.5));
        assertEquals("150", Plot.fmt(150.0));
    }
}
