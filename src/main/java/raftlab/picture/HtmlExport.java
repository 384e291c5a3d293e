package raftlab.picture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import raftlab.check.linear.CheckResult;
import raftlab.check.linear.Operation;

/**
 * The browser player: one self-contained HTML file (its script, style and data inside; nothing fetched from a
 * network, no font files) that replays the recorded run. The page is a template kept as resources next to this
 * class; the run goes in as the JSON export, in a {@code <script type="application/json">} block.
 */
public final class HtmlExport {
    private HtmlExport() {
    }

    public static String render(RunRecord r, List<Operation> ops, CheckResult verdict, String title) {
        String page = resource("player.html");
        String data = JsonExport.render(r, ops, verdict, title).strip();
        String script = resource("player.js").replace("/*TERM_COLOURS*/", Palette.termsJson())
                .replace("/*TYPE_COLOURS*/", Palette.typesJson());
        return page.replace("/*STYLE*/", resource("player.css"))
                .replace("/*SCRIPT*/", script)
                .replace("<!--TITLE-->", Xml.esc(title))
                .replace("{\"DATA\":0}", data);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlExport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlExport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
