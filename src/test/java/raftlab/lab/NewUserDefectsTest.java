package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 7's defects that live in the lab itself, each seen failing before its fix. */
class NewUserDefectsTest {
    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.contains(prefix)).count();
    }

    /** Defect 4: with verbose on, deliver and drop printed each message twice. */
    @Test
    void verboseDeliverAndDropPrintEachMessageOnce() {
        Lab lab = new Lab();
        lab.execute("run until leader");
        lab.execute("hold on");
        lab.execute("verbose on");
        lab.execute("tick 60");
        List<Long> ids = lab.cluster().inFlight().stream().map(m -> m.id).toList();
        List<String> deliver = lab.execute("deliver " + ids.get(0)).lines();
        assertEquals(1, count(deliver, "deliver #" + ids.get(0) + " "), deliver.toString());
        List<String> drop = lab.execute("drop " + ids.get(1)).lines();
        assertEquals(1, count(drop, "drop #" + ids.get(1) + " "), drop.toString());
        // Without verbose the command still says what it did, once.
        lab.execute("verbose off");
        List<String> quiet = lab.execute("deliver " + ids.get(2)).lines();
        assertEquals(1, count(quiet, "deliver #" + ids.get(2) + " "), quiet.toString());
    }

    /** Defect 12: after the first breach, later (different) breaches were never reported. */
    @Test
    void aLaterBreachIsReportedToo() {
        Lab lab = new Lab();
        lab.execute("bug early-apply on");
        lab.execute("run until leader");
        List<String> first = lab.execute("put x 1").lines();
        assertEquals(1, count(first, "SAFETY BREACH"), first.toString());
        lab.execute("tick 50");
        List<String> second = lab.execute("put y 2").lines();
        assertEquals(1, count(second, "SAFETY BREACH"), second.toString());
        assertTrue(second.stream().anyMatch(l -> l.contains("index 3")), second.toString());
        List<String> check = lab.execute("check").lines();
        assertTrue(count(check, "SAFETY BREACH") >= 2, check.toString());
        assertEquals(check.size(), check.stream().map(l -> l.replaceAll("^\\[\\d+ms] | \\(event: .*", "")).distinct()
                .count(), "each breach once: " + check);
    }

    /** Defect 10: a comment after a command, as the README's tour writes them. */
    @Test
    void inlineCommentsAreIgnoredAndKept() {
        Lab lab = new Lab();
        Output o = lab.execute("tick 400                 # move virtual time 400 ms");
        assertNull(lab.lastError(), o.text());
        assertEquals(new Lab().execute("tick 400").lines(), o.lines());
        lab.execute("put x 'a # b'  # quoted # is a value");
        lab.execute("tick 100");
        lab.execute("tick 100");
        assertTrue(String.join("\n", lab.execute("log").lines()).contains("a # b"));
        lab.execute("put y a#b");
        lab.execute("tick 100");
        assertTrue(String.join("\n", lab.execute("log").lines()).contains("a#b"));
        String transcript = Transcript.render(lab.session());
        assertTrue(transcript.contains("> tick 400                 # move virtual time 400 ms\n"), transcript);
        assertEquals(transcript, Transcript.replay(transcript));
    }

    /** Defect 3: explore's wall-clock line made every transcript holding explore fail to replay. */
    @Test
    void exploreTimingIsShownButNeverRecorded() {
        Lab lab = new Lab();
        Output o = lab.execute("explore --seeds 1..2");
        assertTrue(o.shown().stream().anyMatch(l -> l.startsWith("took ")), o.shown().toString());
        assertFalse(o.lines().stream().anyMatch(l -> l.startsWith("took ")), o.lines().toString());
        String transcript = Transcript.render(lab.session());
        assertFalse(transcript.contains("took "), transcript);
        assertEquals(transcript, Transcript.replay(transcript));
        assertTrue(lab.execute("help record").text().contains("wall"), lab.execute("help record").text());
    }

    /** Issue 8 §8: a programming error is an internal error, not the user's mistake. */
    @Test
    void programmingErrorsAreInternalErrorsNotUserMistakes() {
        assertEquals("no node 9", Lab.errorLine(new LabException("no node 9"), false));
        String internal = Lab.errorLine(new IllegalArgumentException("index -1"), false);
        assertTrue(internal.startsWith("internal error (a bug in the lab): java.lang.IllegalArgumentException: index -1"),
                internal);
        assertTrue(internal.contains("RAFTLAB_DEBUG=1"), internal);
        String trace = Lab.errorLine(new IllegalStateException("x"), true);
        assertTrue(trace.contains("\n    at raftlab."), trace); // the trace, tabs as spaces (no \\t once escaped)
    }

    /** Defect 5: net hid per-link loss and the unreliable network's loss; a global loss cleared per-link losses. */
    @Test
    void netShowsWhatIsInForce() {
        Lab lab = new Lab();
        lab.execute("loss 0.3 --from 4");
        String net = lab.execute("net").text();
        assertTrue(net.contains("loss 0.3 on 4->1 4->2 4->3 4->5"), net);
        lab.execute("loss 0.3 --to 1");
        // A later global loss replaces per-link losses, and says so: never silently.
        String said = lab.execute("loss 0.1").text();
        assertTrue(said.contains("loss 0.1 on every link (replacing loss 0.3 on 2->1 3->1 4->1 4->2 4->3 4->5 5->1)"),
                said);
        net = lab.execute("net").text();
        assertTrue(net.contains("loss 0.1 on every link") && !net.contains("0.3"), net);
        lab.execute("net unreliable");
        net = lab.execute("net").text();
        assertTrue(net.contains("unreliable: 10% of messages lost"), net);
        lab.execute("cluster 9");
        lab.execute("partition 1,2,3 4,5,6 7,8,9");
        net = lab.execute("net").text();
        assertTrue(net.contains("partition 1,2,3 | 4,5,6 | 7,8,9"), net);
        assertTrue(!net.contains("1->4"), net);
        lab.execute("heal");
        lab.execute("cut 1->2");
        lab.execute("isolate 5");
        net = lab.execute("net").text();
        assertTrue(net.contains("cut: 1->2") && net.contains("n5 isolated"), net);
    }

    /** Rough edge: a run with no possible leader printed 1.5 million lines; long output is cut, deterministically. */
    @Test
    void longOutputIsSummarisedWithTheWayToSeeTheRest() {
        Lab lab = new Lab();
        lab.execute("crash 1");
        lab.execute("crash 2");
        lab.execute("crash 3");
        List<String> lines = lab.execute("run until leader --max 1000000").lines();
        assertEquals(Output.HEAD + 1 + Output.TAIL, lines.size());
        assertTrue(lines.get(Output.HEAD).matches("\\.\\.\\. \\d+ more lines not shown .*`events --last K`.*"),
                lines.get(Output.HEAD));
        assertTrue(lines.get(lines.size() - 1).startsWith("error: run until leader: not reached"));
        Lab again = new Lab();
        again.execute("crash 1");
        again.execute("crash 2");
        again.execute("crash 3");
        assertEquals(lines, again.execute("run until leader --max 1000000").lines());
    }

    /** Rough edge: errors spoke picocli; near misses of options and help topics suggested nothing. */
    @Test
    void errorsAreInTheLabsWordsWithSuggestions() {
        Lab lab = new Lab();
        assertEquals("tick: MS takes a whole number, not 'abc'; usage: tick [MS]", err(lab, "tick abc"));
        assertEquals("tick: unexpected '2', it takes MS; usage: tick [MS]", err(lab, "tick 1 2"));
        assertTrue(err(lab, "cluster 3 --sed 4").startsWith("cluster: no option --sed, did you mean --seed?"));
        assertTrue(err(lab, "put x 1 --too 2").startsWith("put: no option --too, did you mean --to?"));
        assertTrue(err(lab, "explore --seed 1..3").startsWith("explore: no option --seed, did you mean --seeds?"));
        assertTrue(err(lab, "partition 1,2").startsWith("partition: needs at least 2 GROUP arguments"));
        assertTrue(err(lab, "run until leader --max abc").startsWith("run: --max takes a whole number, not 'abc'"));
        assertTrue(err(lab, "stauts").contains("did you mean 'status'?"));
        assertTrue(err(lab, "help stauts").contains("did you mean 'status'?"));
        assertTrue(err(lab, "help partion").contains("did you mean 'partition'?"));
        for (String bye : List.of("exit", "q", "quit")) {
            Lab l = new Lab();
            l.execute(bye);
            assertTrue(l.quitRequested(), bye);
        }
    }

    private static String err(Lab lab, String line) {
        lab.execute(line);
        return lab.lastError();
    }

    /** Rough edge: settings that cannot work were accepted silently; now one warning line (and no error). */
    @Test
    void settingsThatCannotWorkGetAWarning() {
        Lab lab = new Lab();
        List<String> out = lab.execute("cluster 3 --election 1..1").lines();
        assertNull(lab.lastError());
        assertTrue(out.get(1).startsWith("warning: the shortest election timeout (1ms) is not above the heartbeat"), out.toString());
        out = lab.execute("cluster 3").lines();
        assertEquals(1, out.size(), out.toString());
        out = lab.execute("latency 200..400").lines();
        assertTrue(out.get(out.size() - 1).startsWith("warning: a heartbeat (every 50ms) can take up to 400ms"), out.toString());
    }

    /** Rough edge: grammar for one of a thing. */
    @Test
    void oneOfAThingIsSingular() {
        Lab lab = new Lab();
        assertTrue(lab.execute("cluster 1").lines().get(0).startsWith("cluster of 1 node,"));
        assertTrue(lab.execute("tick 400").text().contains("becomes leader in term 1 with 1 vote\n"));
        lab.execute("crash 1");
        assertTrue(lab.execute("restart 1").text().contains("with term 1 and 1 log entry\n"));
        assertTrue(lab.execute("explore --seeds 1..1 --threads 1").text().contains(": 1 schedule, 0 failed"));
        assertTrue(lab.execute("stats").text().contains("sent by  delivered to"), lab.execute("stats").text());
    }

    /** Rough edge: the help overview broke words at 80 columns, and `help run` had blank descriptions. */
    @Test
    void helpFitsEightyColumnsAndDescribesEveryArgument() {
        Lab lab = new Lab();
        List<String> overview = lab.execute("help").lines();
        for (String line : overview) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
        assertTrue(String.join(" ", overview).replaceAll("\\s+", " ").contains("Advance virtual time by MS milliseconds"
                + " (default 10), running every timer and delivery due meanwhile."));
        for (String name : lab.commands().names()) {
            var spec = lab.commands().command(name).getCommandSpec();
            for (var arg : spec.args()) {
                assertTrue(arg.description().length > 0 && !arg.description()[0].isBlank(),
                        "`help " + name + "` has a blank description for " + arg.paramLabel());
            }
        }
    }

    /** Rough edge: a long value widened every log column, an emoji shifted them, spaces and empty values read ambiguously. */
    @Test
    void logCellsAreCutQuotedAndAlignedByDisplayWidth() {
        Lab lab = new Lab();
        lab.execute("run until leader");
        lab.execute("put long " + "v".repeat(150));
        lab.execute("put e '\uD83D\uDE00x'");
        lab.execute("put s 'a b'");
        lab.execute("put z ''");
        lab.execute("tick 100");
        List<String> log = lab.execute("log").lines();
        String all = String.join("\n", log);
        assertTrue(all.contains("put long=" + "v".repeat(20) + "\u2026"), all);
        assertTrue(!all.contains("v".repeat(21)), all);
        assertTrue(all.contains("put s=\"a b\"") && all.contains("put z=\"\""), all);
        // Every row has its columns at the same display positions as the header (columns are 2+ spaces apart).
        List<Integer> columns = columnStarts(log.get(0));
        for (int i = 1; i < log.size() - 1; i++) {
            assertEquals(columns, columnStarts(log.get(i)), "row " + i + ":\n" + all);
        }
    }

    /** Display columns where each cell after the first starts. */
    private static List<Integer> columnStarts(String row) {
        List<Integer> starts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=\\S) {2,}(?=\\S)").matcher(row);
        while (m.find()) {
            starts.add(Text.width(row.substring(0, m.end())));
        }
        return starts;
    }

    /** Rough edge: nextIndex/matchIndex were visible only from Groovy, and msgs never showed what entries a message carries. */
    @Test
    void theShellShowsTheLeadersProgressAndAMessagesEntries() {
        Lab lab = new Lab();
        lab.execute("run until leader");
        lab.execute("tick 100"); // every follower has answered the leader's probe: it now streams to them
        lab.execute("hold on");
        lab.execute("put y 'a b'");
        lab.execute("tick 0"); // the end of the instant: the batching leader sends the entry
        int leader = lab.cluster().leader();
        int follower = leader == 1 ? 2 : 1;
        List<String> progress = lab.execute("progress").lines();
        assertEquals("n" + leader + " leads term 1: last index 2, commit 1", progress.get(0));
        assertEquals(List.of("n" + follower, "3", "1", "1", "replicate"),
                List.of(progress.get(2).trim().split("\\s+")), progress.toString());
        long id = lab.cluster().inFlight().stream().filter(m -> m.message instanceof raftlab.raft.AppendEntries
                && ((raftlab.raft.AppendEntries) m.message).entries().stream()
                .anyMatch(e -> e.command().kind() == raftlab.raft.CommandKind.PUT)).findFirst().orElseThrow().id;
        List<String> msgs = lab.execute("msgs " + id + " --entries").lines();
        assertEquals("    2  1 put y=\"a b\"", msgs.get(1), msgs.toString());
        lab.execute("progress " + follower);
        assertTrue(lab.lastError().contains("n" + follower + " is a follower, not a leader"), lab.lastError());
    }

    /** Rough edge: events, history and explore print JSON lines for jq and other programs. */
    @Test
    void eventsHistoryAndExploreSpeakJsonLines() {
        Lab lab = new Lab();
        lab.execute("run until leader");
        lab.execute("put x 'say \"hi\"'");
        lab.execute("tick 20");
        // The times and the leader depend on the seed's random draws; the shape of each line does not.
        List<String> events = lab.execute("events --json --last 2").lines();
        assertTrue(events.get(0).matches("\\{\"time\":\\d+,\"node\":\\d,\"kind\":\"apply\",\"text\":\"n\\d applies index 2\"}"),
                events.get(0));
        assertTrue(events.get(1).matches("\\{\"time\":\\d+,\"node\":null,\"kind\":\"client\",\"text\":\"client #1 put"
                + " x=\\\\\"say \\\\\\\\\\\\\"hi\\\\\\\\\\\\\"\\\\\": ok at index 2\"}"), events.get(1));
        assertTrue(lab.execute("history --json").lines().get(0).matches("\\{\"id\":1,\"client\":0,\"op\":\"put\",\"key\":\"x\","
                + "\"value\":\"say \\\\\"hi\\\\\"\",\"invoked\":\\d+,\"completed\":\\d+,\"outcome\":\"ok\",\"output\":null}"));
        List<String> explore = lab.execute("explore --seeds 1..2 --bug naive-seed --json --threads 1").lines();
        assertEquals(3, explore.size(), explore.toString());
        assertTrue(explore.get(0).matches("\\{\"seed\":1,\"failed\":true,\"property\":\"[^\"]+\",\"result\":\"\\[\\d+ms] .*\"}"),
                explore.get(0));
        assertEquals("{\"seeds\":\"1..2\",\"schedules\":2,\"failed\":2,\"overBudget\":0,\"replay\":\"replay --seed 1 --bug"
                + " naive-seed\"}", explore.get(2));
        assertTrue(lab.lastFailed());
    }

    /** Defect 11: a control character in a value or a file never reaches the terminal raw. */
    @Test
    void controlCharactersNeverLeaveTheLabRaw() {
        Lab lab = new Lab();
        lab.execute("run until leader");
        String said = lab.execute("put x '\u001b[2J\u0007'").text() + lab.execute("tick 20").text()
                + lab.execute("log").text() + lab.execute("frob\u001b[31m").text();
        assertTrue(said.chars().noneMatch(c -> c < 0x20 && c != '\n'), said);
        assertTrue(said.contains("\\x1b[2J\\x07"), said);
    }
}
