package raftlab.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import raftlab.check.linear.LinearizabilityChecker;
import raftlab.check.linear.Operation;

/**
 * Opens the exported player in headless Chromium (Debian's {@code chromium} package; {@code .ci/run} installs it)
 * and checks that its script runs without an error, that moving the time slider changes the picture, that step and
 * play move time, and that a screenshot of it is not blank. Without Chromium the test is reported as skipped, with the reason.
 */
class BrowserTest {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    @TempDir
    Path dir;

    /** The browser to use: $RAFTLAB_CHROMIUM, or the first of the usual names on the PATH; null if none. */
    static Path chromium() {
        String given = System.getenv("RAFTLAB_CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Files.isExecutable(Path.of(given)) ? Path.of(given) : null;
        }
        String path = System.getenv("PATH");
        for (String name : NAMES) {
            for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run browser(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + dir.resolve("profile")));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path player() throws IOException {
        Recorder[] r = new Recorder[1];
        RecorderTest.eventfulRun(r, Recorder.DEFAULT_LIMIT);
        List<Operation> ops = ExportTest.badHistory();
        Path page = dir.resolve("player.html");
        Files.writeString(page, HtmlExport.render(r[0].all(), ops, LinearizabilityChecker.check(ops), "browser test"),
                StandardCharsets.UTF_8);
        return page;
    }

    @Test
    void thePlayerRunsMovesWithTheSliderAndDrawsSomething() throws Exception {
        Path chromium = chromium();
        String why = "no chromium on the PATH (looked for " + NAMES + "; install Debian's chromium package, as .ci/run"
                + " does, or set RAFTLAB_CHROMIUM): the browser test did not run";
        if (chromium == null) {
            System.err.println("BrowserTest SKIPPED: " + why); // in the build log too, not only in the report
        }
        Assumptions.assumeTrue(chromium != null, why);
        Path page = player();
        String url = page.toUri() + "#selftest";

        // Virtual time lets the page's own timers run (the self-test presses play and looks again 500 ms later)
        // without the test waiting in real time.
        Run dom = browser(chromium, "--virtual-time-budget=5000", "--dump-dom", url);
        assertEquals(0, dom.exit(), "chromium --dump-dom failed: " + dom.err());
        assertTrue(dom.out().contains("data-status=\"ready\""), "the page's script did not finish: "
                + statusOf(dom.out()) + "\n" + consoleErrors(dom.err()));
        assertEquals("", consoleErrors(dom.err()), "script errors in the console");
        Matcher self = Pattern.compile("<div id=\"selftest\">selftest: slider (\\d+) -&gt; (\\d+), picture (\\w+)")
                .matcher(dom.out());
        assertTrue(self.find(), "the self-test did not report");
        assertTrue(Long.parseLong(self.group(2)) > Long.parseLong(self.group(1)), "the slider moved forward");
        assertEquals("changed", self.group(3), "moving the slider changed the picture");
        String report = dom.out().replaceAll("(?s).*(<div id=\"selftest\">[^<]*).*", "$1");
        assertTrue(report.contains("), step ok ("), "the step button moves to the next event: " + report);
        assertTrue(report.contains("), play ok ("), "play moves time by itself: " + report);
        assertTrue(dom.out().contains("NOT linearizable on key x"), "the history panel reports the failing key");

        Path shot = dir.resolve("player.png");
        Run snap = browser(chromium, "--hide-scrollbars", "--window-size=1400,1000", "--screenshot=" + shot,
                page.toUri() + "#t=900");
        assertEquals(0, snap.exit(), "chromium --screenshot failed: " + snap.err());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1400, img.getWidth());
        int background = img.getRGB(2, img.getHeight() - 2);
        Set<Integer> colours = new HashSet<>();
        long drawn = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    drawn++;
                }
            }
        }
        long sampled = (long) (img.getWidth() / 2) * (img.getHeight() / 2);
        assertTrue(colours.size() > 50, "a blank-looking screenshot: " + colours.size() + " colours");
        assertTrue(drawn > sampled / 5, "a mostly empty screenshot: " + drawn + " of " + sampled + " pixels drawn");
        // Kept for a person to look at after the build.
        Path keep = Path.of("target", "browser-test");
        Files.createDirectories(keep);
        Files.copy(shot, keep.resolve("player.png"), StandardCopyOption.REPLACE_EXISTING);
        assertFalse(colours.isEmpty());
    }

    private static String statusOf(String dom) {
        Matcher m = Pattern.compile("<div id=\"status\">([^<]*)").matcher(dom);
        return m.find() ? "status: " + m.group(1) : "no status element in the page";
    }

    /** Console lines that report an uncaught script error. */
    private static String consoleErrors(String stderr) {
        StringBuilder sb = new StringBuilder();
        for (String line : stderr.split("\n")) {
            if (line.contains("CONSOLE") && (line.contains("Uncaught") || line.contains("Error"))) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
