package raftlab.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import raftlab.check.linear.CheckResult;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.check.linear.OpKind;
import raftlab.check.linear.Operation;
import raftlab.check.linear.Outcome;

/** Each export is what its reader expects: well-formed SVG, valid JSON, ShiViz's format, a Mermaid diagram, a page. */
class ExportTest {
    private static final Recorder RECORDER = record();

    private static Recorder record() {
        Recorder[] r = new Recorder[1];
        RecorderTest.eventfulRun(r, Recorder.DEFAULT_LIMIT);
        return r[0];
    }

    /** A history that is not linearizable: a read sees a value no one wrote before it. */
    static List<Operation> badHistory() {
        return List.of(
                new Operation(1, 1, OpKind.PUT, "x", "1", 10, 20, Outcome.OK, null),
                new Operation(2, 2, OpKind.GET, "x", null, 30, 40, Outcome.OK, "2"),
                new Operation(3, 1, OpKind.PUT, "y", "5", 50, 60, Outcome.OK, null));
    }

    @Test
    void theSvgIsWellFormedAndHasAnArrowPerMessage() throws Exception {
        RunRecord r = RECORDER.all();
        String svg = SvgExport.render(r, "a <test> & \"title\"");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        int arrows = 0;
        int crosses = 0;
        NodeList lines = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if (l.getAttribute("marker-end").startsWith("url(#h-")) {
                arrows++;
            }
            if (l.hasAttribute("stroke-dasharray") && l.getParentNode().getNodeName().equals("g")) {
                crosses++;
            }
        }
        long notDropped = r.messages().stream().filter(m -> m.fate() != MessageFate.DROPPED).count();
        long dropped = r.messages().size() - notDropped;
        assertEquals(notDropped, arrows);
        assertEquals(dropped, crosses);
        assertEquals("a <test> & \"title\"", doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0)
                .getTextContent());
    }

    @Test
    void theJsonHoldsEveryMessageEventAndOperationAndMarksTheFailingPart() {
        RunRecord r = RECORDER.all();
        List<Operation> ops = badHistory();
        CheckResult verdict = LinearizabilityChecker.check(ops);
        assertTrue(verdict.refuted());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(JsonExport.render(r, ops, verdict, "t</script>"));
        assertEquals("t</script>", doc.get("title"));
        assertEquals(5L, doc.get("nodes"));
        assertEquals(r.messages().size(), ((List<?>) doc.get("messages")).size());
        assertEquals(r.happenings().size(), ((List<?>) doc.get("events")).size());
        assertEquals(r.changes().size(), ((List<?>) doc.get("changes")).size());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) doc.get("messages")).get(0);
        assertTrue(first.get("fields") instanceof Map, "fields are an object");
        assertTrue(((Map<?, ?>) first.get("fields")).get("term") instanceof Long, "numbers stay numbers");
        Map<?, ?> history = (Map<?, ?>) doc.get("history");
        assertEquals(Boolean.FALSE, history.get("linearizable"));
        assertEquals("x", history.get("key"));
        List<?> operations = (List<?>) history.get("operations");
        assertEquals(3, operations.size());
        assertEquals(Boolean.TRUE, ((Map<?, ?>) operations.get(1)).get("failing"));
        assertEquals(Boolean.FALSE, ((Map<?, ?>) operations.get(2)).get("failing"));
    }

    @Test
    void theShivizLogHasARegexAndAVectorClockPerEventThatRespectsCausality() {
        RunRecord r = RECORDER.all();
        String log = ShivizExport.render(r);
        String[] lines = log.split("\n", -1);
        assertEquals(ShivizExport.REGEX, lines[0]);
        assertEquals("", lines[1]);
        // The regex ShiViz will use, in Java's dialect (same named groups), must match every event.
        Pattern p = Pattern.compile("(?<event>.*)\\n(?<host>\\S*) (?<clock>\\{.*\\})");
        Matcher m = p.matcher(log.substring(lines[0].length() + 2));
        Pattern entry = Pattern.compile("\"n(\\d)\":(\\d+)");
        Map<String, Map<Integer, Long>> sends = new HashMap<>();
        int events = 0;
        long sent = 0;
        long received = 0;
        while (m.find()) {
            events++;
            Map<Integer, Long> clock = new HashMap<>();
            Matcher e = entry.matcher(m.group("clock"));
            while (e.find()) {
                clock.put(Integer.parseInt(e.group(1)), Long.parseLong(e.group(2)));
            }
            int host = Integer.parseInt(m.group("host").substring(1));
            assertTrue(clock.getOrDefault(host, 0L) > 0, "an event ticks its own host's clock");
            Matcher id = Pattern.compile("^\\[\\d+ms\\] (send|receive) #(\\d+) ").matcher(m.group("event"));
            if (id.find()) {
                if (id.group(1).equals("send")) {
                    sent++;
                    sends.put(id.group(2), clock);
                } else {
                    received++;
                    Map<Integer, Long> atSend = sends.get(id.group(2));
                    if (atSend != null) {
                        for (Map.Entry<Integer, Long> x : atSend.entrySet()) {
                            assertTrue(clock.getOrDefault(x.getKey(), 0L) >= x.getValue(),
                                    "receive #" + id.group(2) + " knows everything its send knew");
                        }
                    }
                }
            }
        }
        long delivered = r.messages().stream().filter(x -> x.fate() == MessageFate.DELIVERED).count();
        assertEquals(r.messages().size(), sent);
        assertEquals(delivered, received);
        assertEquals(sent + received + r.happenings().size(), events);
    }

    @Test
    void mermaidIsASequenceDiagramForShortWindowsOnly() {
        RunRecord shortOne = RECORDER.window(0, 200);
        String text = MermaidExport.render(shortOne, "first election");
        List<String> lines = List.of(text.split("\n"));
        assertTrue(lines.contains("sequenceDiagram"));
        for (int id = 1; id <= 5; id++) {
            assertTrue(lines.contains("    participant n" + id));
        }
        long arrows = lines.stream().filter(l -> l.matches("    n\\d(->>|-x)n\\d: .*")).count();
        long ended = shortOne.messages().stream().filter(m -> m.fate() != MessageFate.IN_FLIGHT && m.endAt() <= 200)
                .count();
        assertEquals(ended, arrows);
        assertFalse(text.replace("#35;", "").replace("#59;", "").contains("#"), "a bare # would start a Mermaid entity");
        assertEquals("a #35;1, b#59; c", MermaidExport.clean("a #1, b; c"));
        raftlab.sim.Cluster c = new raftlab.sim.Cluster(raftlab.sim.ClusterConfig.defaults(5, 1));
        Recorder longRun = new Recorder(c);
        c.addListener(longRun);
        c.tick(5000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MermaidExport.render(longRun.all(), "long"));
        assertTrue(e.getMessage().contains("--from and --to"), e.getMessage());
    }

    @Test
    void thePlayerIsOneFileThatFetchesNothing() {
        RunRecord r = RECORDER.all();
        List<Operation> ops = badHistory();
        String html = HtmlExport.render(r, ops, LinearizabilityChecker.check(ops), "demo");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("/*SCRIPT*/") || html.contains("/*STYLE*/") || html.contains("{\"DATA\":0}")
                || html.contains("/*TERM_COLOURS*/") || html.contains("/*TYPE_COLOURS*/"),
                "every part of the template was filled");
        for (String external : List.of("<script src", "<link", "@import", "url(", "http://", "https://", "@font-face")) {
            assertFalse(html.contains(external), "the page must not load anything: found " + external);
        }
        // The embedded data ends only where the page's data block ends.
        int start = html.indexOf("<script type=\"application/json\" id=\"run-data\">");
        int end = html.indexOf("</script>", start);
        String data = html.substring(start + "<script type=\"application/json\" id=\"run-data\">".length(), end);
        assertTrue(MiniJson.parse(data) instanceof Map);
    }
}
