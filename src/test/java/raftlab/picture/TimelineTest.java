package raftlab.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import raftlab.sim.Cluster;
import raftlab.sim.ClusterConfig;

class TimelineTest {
    private static Recorder firstElection() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 1));
        Recorder r = new Recorder(c);
        c.addListener(r);
        c.tick(400);
        return r;
    }

    private static List<String> render(Recorder r, List<Integer> nodes, Set<String> types, int width) {
        return Timeline.render(r.all(), new Timeline.Options(nodes, types, width));
    }

    @Test
    void everyLineFitsTheWidthAndTheSameRunDrawsTheSameLines() {
        for (int width : new int[] {40, 60, 100, 180}) {
            List<String> lines = render(firstElection(), List.of(1, 2, 3), null, width);
            for (String l : lines) {
                assertTrue(l.length() <= width, width + " columns: '" + l + "'");
                assertFalse(l.startsWith("#") || l.startsWith(">"), "not a transcript comment or command: " + l);
            }
            assertEquals(lines, render(firstElection(), List.of(1, 2, 3), null, width));
        }
    }

    @Test
    void nineNodesFitEvenANarrowWidth() {
        Cluster c = new Cluster(ClusterConfig.defaults(9, 1));
        Recorder r = new Recorder(c);
        c.addListener(r);
        c.tick(400);
        for (int width : new int[] {40, 60, 100}) {
            List<String> lines = render(r, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), null, width);
            for (String l : lines) {
                assertTrue(l.length() <= width, width + " columns: '" + l + "'");
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("n9")), "every column has its name");
        }
    }

    @Test
    void eachDeliveredMessageIsAnArrowFromSenderToReceiver() {
        Recorder r = firstElection();
        List<String> lines = render(r, List.of(1, 2, 3), null, 100);
        int gutter = lines.stream().filter(l -> l.contains(" n1 ")).findFirst().orElseThrow().indexOf("n1");
        int spacing = lines.stream().filter(l -> l.contains(" n1 ")).findFirst().orElseThrow().indexOf("n2") - gutter;
        for (MessageRecord m : r.all().messages()) {
            if (m.fate() != MessageFate.DELIVERED) {
                continue;
            }
            String row = lines.stream().filter(l -> l.contains("  #" + m.id() + " ")).findFirst().orElseThrow();
            int from = gutter + (m.from() - 1) * spacing;
            int to = gutter + (m.to() - 1) * spacing;
            assertEquals('+', row.charAt(from), "row of #" + m.id() + ": " + row);
            assertEquals(to > from ? '>' : '<', row.charAt(to), "row of #" + m.id() + ": " + row);
            // The shaft crosses other columns (no '|' left in it) and carries at most a short label.
            String shaft = row.substring(Math.min(from, to) + 1, Math.max(from, to));
            assertFalse(shaft.contains("|"), "the shaft is unbroken: " + row);
            assertTrue(shaft.startsWith("-") && shaft.endsWith("-"), "the shaft is unbroken: " + row);
        }
    }

    @Test
    void theLeaderIsMarkedInItsColumnAtTheTimeItWins() {
        Recorder r = firstElection();
        Happening won = r.all().happenings().stream().filter(h -> h.text().startsWith("becomes leader"))
                .findFirst().orElseThrow();
        List<String> lines = render(r, List.of(1, 2, 3), null, 100);
        String header = lines.stream().filter(l -> l.contains(" n1 ")).findFirst().orElseThrow();
        int column = header.indexOf("n" + won.node());
        String row = lines.stream().filter(l -> l.endsWith("n" + won.node() + " " + won.text())).findFirst()
                .orElseThrow();
        assertEquals('L', row.charAt(column));
    }

    @Test
    void filtersKeepOnlyTheChosenNodesAndTypes() {
        Recorder r = firstElection();
        List<String> votes = render(r, List.of(1, 2, 3), Set.of("RequestVote", "role"), 100);
        assertTrue(votes.stream().anyMatch(l -> l.contains(" RequestVote sent ")));
        assertFalse(votes.stream().anyMatch(l -> l.contains("AppendEntries") && !l.startsWith("in flight")));
        assertFalse(votes.stream().anyMatch(l -> l.contains("RequestVoteReply")));
        assertFalse(votes.stream().anyMatch(l -> l.contains(" votes for ")), "vote events were not chosen");
        List<String> two = render(r, List.of(3, 1), null, 100);
        assertTrue(two.stream().anyMatch(l -> l.matches(" +time n3 +n1")), two.toString());
        assertFalse(two.stream().anyMatch(l -> l.contains("  n2 ")));
    }

    @Test
    void aCrashedNodesColumnIsDottedUntilItRestarts() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 1));
        Recorder r = new Recorder(c);
        c.addListener(r);
        c.tick(400);
        int victim = c.leader() == 1 ? 2 : 1;
        c.crash(victim);
        c.tick(100);
        c.restart(victim);
        c.tick(100);
        // The victim in the last column, so that messages between the other two do not cross it.
        List<Integer> order = new java.util.ArrayList<>(List.of(1, 2, 3));
        order.remove(Integer.valueOf(victim));
        order.add(victim);
        List<String> lines = render(r, order, null, 100);
        String header = lines.stream().filter(l -> l.matches(" +time .*")).findFirst().orElseThrow();
        int col = header.indexOf("n" + victim);
        int crash = indexOf(lines, "n" + victim + " crashes");
        int restart = indexOf(lines, "n" + victim + " restarts");
        assertEquals('X', lines.get(crash).charAt(col));
        assertEquals('R', lines.get(restart).charAt(col));
        assertTrue(restart > crash + 1, "rows between crash and restart");
        assertTrue(lines.subList(crash + 1, restart).stream().anyMatch(l -> l.charAt(col) == ':'), "dotted");
        for (int i = crash + 1; i < restart; i++) {
            char ch = lines.get(i).charAt(col);
            // ':' for down, unless something is drawn over the column (a shaft, its label, a message the node
            // sent before it crashed, or one dropped because it is down); never '|' and never an arrival.
            assertTrue(ch != '|', "down between crash and restart: " + lines.get(i));
            assertTrue(ch != '>' && ch != '<', "nothing arrives at a down node: " + lines.get(i));
        }
        // Up again: the column is never dotted after the restart (it shows '|' or whatever arrives there).
        for (int i = restart + 1; i < lines.size() && lines.get(i).length() > col; i++) {
            assertTrue(lines.get(i).charAt(col) != ':', "up after restart: " + lines.get(i));
        }
    }

    private static int indexOf(List<String> lines, String end) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(end)) {
                return i;
            }
        }
        throw new AssertionError("no line ends with " + end);
    }

    @Test
    void aDroppedMessageEndsInACrossAndSaysWhy() {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 1));
        Recorder r = new Recorder(c);
        c.addListener(r);
        c.network().setCut(1, 2, true);
        c.network().setCut(2, 1, true);
        c.tick(400);
        List<String> lines = render(r, List.of(1, 2, 3), null, 120);
        assertTrue(lines.stream().anyMatch(l -> l.contains("x") && l.contains(", DROPPED (link ")), lines.toString());
    }
}
