package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import raftlab.Main;

/** history --save and lincheck, in the lab and from the OS shell with its exit status. */
class LincheckCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void savedHistoryRoundTripsThroughLincheck() throws IOException {
        Lab lab = new Lab();
        lab.execute("clients 3 --keys 2");
        lab.execute("tick 1500");
        lab.execute("clients drain");
        lab.execute("tick 1000");
        List<String> shown = lab.execute("history").lines();
        assertTrue(shown.size() > 10, shown::toString);
        Path file = dir.resolve("h.txt");
        List<String> saved = lab.execute("history --save " + file).lines();
        assertEquals(List.of("saved " + shown.size() + " operations to " + file + "; `lincheck " + file
                + "` checks it"), saved);
        assertEquals(shown, Files.readAllLines(file), "the file holds what `history` prints");
        // No overwrite without --force; with it, yes.
        assertEquals(List.of("error: " + file + " exists; `history --save " + file + " --force` replaces it"),
                lab.execute("history --save " + file).lines());
        assertFalse(lab.execute("history --save " + file + " --force").lines().get(0).startsWith("error"));
        List<String> verdict = lab.execute("lincheck " + file).lines();
        assertEquals(List.of(file + ": linearizable: " + shown.size() + " operations on 2 keys, read as the lab's"
                + " history"), verdict);
        Run r = main("lincheck", file.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        // A recorded session keeps history --save as a comment, so that its replay writes nothing.
        assertTrue(Transcript.render(lab.session()).contains("# history --save " + file + "\n"));
    }

    @Test
    void exitStatusSaysLinearizableNotOrUndecidable() throws IOException {
        Path good = write("good.log", "INFO  jepsen.util - 3\t:invoke\t:write\t4", "INFO  jepsen.util - 3\t:ok\t:write\t4",
                "INFO  jepsen.util - 1\t:invoke\t:read\tnil", "INFO  jepsen.util - 1\t:ok\t:read\t4");
        Path bad = write("bad.edn", "{:process 0, :type :invoke, :f :write, :value 3}",
                "{:process 0, :type :ok, :f :write, :value 3}", "{:process 1, :type :invoke, :f :read, :value nil}",
                "{:process 1, :type :ok, :f :read, :value 5}");
        Path malformed = write("malformed.edn", "{:process 0, :type :invoke, :f :write, :value 3}",
                "{:process 0 :type :ok :f :write :value}");
        Run ok = main("lincheck", good.toString());
        assertEquals(0, ok.code());
        assertEquals(good + ": linearizable: 2 operations on 1 key, read as Jepsen log\n", ok.out());
        Run not = main("lincheck", bad.toString());
        assertEquals(1, not.code());
        assertEquals(bad + ": NOT linearizable: 2 operations on 1 key, read as Jepsen EDN\n"
                + "not linearizable on key register; smallest failing part:\n"
                + "  c1 get(register) -> \"5\" [2, 3]\n", not.out());
        Run broken = main("lincheck", malformed.toString());
        assertEquals(2, broken.code());
        assertTrue(broken.out().startsWith("error: " + malformed + ":2: not EDN: expected a value for key :value"),
                broken.out());
        Run missing = main("lincheck", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.code());
        assertEquals("error: no such file " + dir.resolve("nope.txt") + "\n", missing.out());
    }

    @Test
    void aSearchOverItsBudgetIsUndecidedWithExitStatus2() throws IOException {
        // 20 concurrent clients on one key, a fifth of the outcomes unknown: the search needs more than 1 MB.
        List<raftlab.check.linear.Operation> ops = raftlab.check.linear.HistoryGenerator.generate(3,
                raftlab.check.linear.HistoryGenerator.Config.of(2000, 20, 1).withUnknownRate(0.2));
        Path file = write("hard.txt", raftlab.check.linear.text.HistoryWriter.lab(ops).toArray(new String[0]));
        Run r = main("lincheck", file.toString(), "--budget", "1");
        assertEquals(2, r.code(), r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith(file + ": could not decide: 2000 operations"), r.out());
        assertEquals("linearizability inconclusive: the search on key k0 outgrew its memory budget; no key is refuted",
                lines.get(1));
        assertTrue(lines.get(2).startsWith("why: the search held about 1 MB in "), r.out());
        assertTrue(lines.get(2).endsWith("over its budget of 1 MB; `lincheck " + file + " --budget MB` allows more"),
                r.out());
        assertEquals("error: --budget takes a number of MB in 1..1000000, not 0\n",
                main("lincheck", file.toString(), "--budget", "0").out());
    }

    @Test
    void badUseOfHistorySave() {
        Lab lab = new Lab();
        assertEquals(List.of("error: history --save writes the lab's form, which `lincheck` reads; leave out --json"),
                lab.execute("history --json --save x.txt").lines());
        assertEquals(List.of("error: --force goes with --save FILE: history --save FILE --force"),
                lab.execute("history --force").lines());
        assertTrue(lab.execute("history --save " + dir).lines().get(0).startsWith("error: cannot write " + dir
                + ": it is a folder"));
    }
}
