package raftlab.check.linear.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import raftlab.check.linear.CheckResult;
import raftlab.check.linear.HistoryGenerator;
import raftlab.check.linear.LinearizabilityChecker;
import raftlab.check.linear.OpKind;
import raftlab.check.linear.Operation;
import raftlab.check.linear.Outcome;

/** Reading histories in the lab's form, Jepsen EDN and Jepsen log lines: verdicts, round trips and bad lines. */
class HistoryTextTest {
    private static HistoryText.Parsed read(String... lines) throws HistorySyntaxError {
        return HistoryText.read(String.join("\n", lines) + "\n");
    }

    private static CheckResult check(String... lines) throws HistorySyntaxError {
        return LinearizabilityChecker.check(read(lines).operations());
    }

    /** What the lab's form keeps of an operation: an unknown one has no completion time, only a get reads. */
    private static Operation asWritten(Operation op) {
        boolean uncertainKnown = op.outcome() == Outcome.UNKNOWN;
        return new Operation(op.id(), op.client(), op.kind(), op.key(), op.value(), op.invokedAt(),
                uncertainKnown ? Operation.IN_FLIGHT : op.completedAt(), op.outcome(),
                op.outcome() == Outcome.OK && op.kind() == OpKind.GET && !op.isUncertain() ? op.output() : null,
                op.expected());
    }

    @Test
    void theLabsFormRoundTripsEveryField() throws HistorySyntaxError {
        for (long seed = 1; seed <= 5; seed++) {
            HistoryGenerator.Config cfg = HistoryGenerator.Config.of(300, 4, 3).withUnknownRate(0.05)
                    .withFailRate(0.05).withCutOff(true);
            for (HistoryGenerator.Config c : List.of(cfg, cfg.asRegister())) {
                List<Operation> ops = HistoryGenerator.generate(seed, c);
                HistoryText.Parsed back = HistoryText.read(String.join("\n", HistoryWriter.lab(ops)));
                assertEquals(HistoryFormat.LAB, back.format());
                List<Operation> expected = new ArrayList<>();
                ops.forEach(op -> expected.add(asWritten(op)));
                assertEquals(expected, back.operations());
            }
        }
    }

    @Test
    void awkwardKeysAndValuesRoundTrip() throws HistorySyntaxError {
        List<Operation> ops = List.of(
                new Operation(1, 0, OpKind.PUT, "a, b", "say \"hi\"\\", 1, 2, Outcome.OK, null),
                new Operation(2, 0, OpKind.GET, "", null, 3, 4, Outcome.OK, "x)y"),
                new Operation(3, 1, OpKind.CAS, "(k)", "new", 5, 6, Outcome.OK, null, null),
                new Operation(4, 1, OpKind.CAS, "k", "z", 7, 8, Outcome.FAIL, null, "tab\there"));
        assertEquals(ops, HistoryText.read(String.join("\n", HistoryWriter.lab(ops))).operations());
    }

    @Test
    void ednAndLogRoundTripKeepTheVerdict() throws HistorySyntaxError {
        for (long seed = 1; seed <= 5; seed++) {
            HistoryGenerator.Config cfg = HistoryGenerator.Config.of(200, 4, 2).withUnknownRate(0.05).withCutOff(true);
            List<Operation> kv = HistoryGenerator.generate(seed, cfg);
            List<Operation> reg = HistoryGenerator.generate(seed, cfg.asRegister());
            HistoryText.Parsed edn = HistoryText.read(String.join("\n", HistoryWriter.edn(kv)));
            HistoryText.Parsed log = HistoryText.read(String.join("\n", HistoryWriter.jepsenLog(reg)));
            assertEquals(HistoryFormat.EDN, edn.format());
            assertEquals(HistoryFormat.JEPSEN_LOG, log.format());
            assertEquals(kv.size(), edn.operations().size());
            assertEquals(reg.size(), log.operations().size());
            assertTrue(LinearizabilityChecker.check(edn.operations()).linearizable());
            assertTrue(LinearizabilityChecker.check(log.operations()).linearizable());
            // A stale read planted in the history is caught in each format.
            List<Operation> bad = new ArrayList<>(reg);
            for (int i = bad.size() - 1; i >= 0; i--) {
                Operation g = bad.get(i);
                if (g.kind() == OpKind.GET && g.outcome() == Outcome.OK && !g.isUncertain()) {
                    bad.set(i, new Operation(g.id(), g.client(), g.kind(), g.key(), null, g.invokedAt(),
                            g.completedAt(), Outcome.OK, "never-written"));
                    break;
                }
            }
            assertTrue(LinearizabilityChecker.check(
                    HistoryText.read(String.join("\n", HistoryWriter.jepsenLog(bad))).operations()).refuted());
            assertTrue(LinearizabilityChecker.check(
                    HistoryText.read(String.join("\n", HistoryWriter.edn(bad))).operations()).refuted());
        }
    }

    @Test
    void anEdnRegisterWithCas() throws HistorySyntaxError {
        String[] good = {
            "; a register: write 1, then a cas 1 -> 2 and a read of 2",
            "{:process 0, :type :invoke, :f :write, :value 1}",
            "{:process 0, :type :ok, :f :write, :value 1}",
            "{:process 1, :type :invoke, :f :cas, :value [1 2]}",
            "{:process 2 :type :invoke :f :read :value nil}",
            "{:process 1, :type :ok, :f :cas, :value [1 2]}",
            "{:process 2, :type :ok, :f :read, :value 2}",
            "{:process :nemesis, :type :info, :f :start, :value nil}",
        };
        HistoryText.Parsed p = read(good);
        assertEquals(HistoryFormat.EDN, p.format());
        assertEquals(3, p.operations().size());
        Operation cas = p.operations().get(1);
        assertEquals(OpKind.CAS, cas.kind());
        assertEquals("1", cas.expected());
        assertEquals("2", cas.value());
        assertTrue(check(good).linearizable());
        // The read of 2 finishing before the cas starts cannot be.
        CheckResult r = check(
            "{:process 0, :type :invoke, :f :write, :value 1}",
            "{:process 0, :type :ok, :f :write, :value 1}",
            "{:process 2, :type :invoke, :f :read, :value nil}",
            "{:process 2, :type :ok, :f :read, :value 2}",
            "{:process 1, :type :invoke, :f :cas, :value [1 2]}",
            "{:process 1, :type :ok, :f :cas, :value [1 2]}");
        assertTrue(r.refuted(), r.describe());
        assertEquals("register", r.key());
    }

    @Test
    void infoMeansUnknownAndFailMeansNothingHappened() throws HistorySyntaxError {
        // The write of 5 timed out (:info): the later read of 5 is explained by it. A :fail write explains nothing.
        String[] lines = {
            "{:process 0, :type :invoke, :f :write, :value 5}",
            "{:process 0, :type :info, :f :write, :value 5}",
            "{:process 1, :type :invoke, :f :read, :value nil}",
            "{:process 1, :type :ok, :f :read, :value 5}",
        };
        assertTrue(check(lines).linearizable());
        lines[1] = "{:process 0, :type :fail, :f :write, :value 5}";
        assertTrue(check(lines).refuted());
    }

    @Test
    void ednKeysAndAppend() throws HistorySyntaxError {
        String[] lines = {
            "{:process 0, :type :invoke, :f :append, :key \"x\", :value \"a\"}",
            "{:process 0, :type :ok, :f :append, :key \"x\", :value \"a\"}",
            "{:process 0, :type :invoke, :f :append, :key \"x\", :value \"b\"}",
            "{:process 0, :type :ok, :f :append, :key \"x\", :value \"b\"}",
            "{:process 1, :type :invoke, :f :get, :key \"x\"}",
            "{:process 1, :type :ok, :f :get, :key \"x\", :value \"ab\"}",
            "{:process 1, :type :invoke, :f :put, :key \"y\", :value 7}",
            "{:process 1, :type :ok, :f :put, :key \"y\", :value 7}",
        };
        assertTrue(check(lines).linearizable());
        lines[5] = "{:process 1, :type :ok, :f :get, :key \"x\", :value \"ba\"}";
        CheckResult r = check(lines);
        assertTrue(r.refuted());
        assertEquals("x", r.key());
    }

    @Test
    void jepsenLogLinesAmongOtherLogLines() throws HistorySyntaxError {
        String[] lines = {
            "INFO  jepsen.core - Running test",
            "INFO  jepsen.util - 3\t:invoke\t:write\t4",
            "INFO  jepsen.util - 3\t:ok\t:write\t4",
            "INFO  jepsen.util - :nemesis\t:info\t:start\tnil",
            "INFO  jepsen.util - 1\t:invoke\t:cas\t[4 2]",
            "INFO  jepsen.util - 1\t:ok\t:cas\t[4 2]",
            "INFO  jepsen.util - 0\t:invoke\t:read\tnil",
            "INFO  jepsen.util - 0\t:ok\t:read\t2",
        };
        HistoryText.Parsed p = read(lines);
        assertEquals(HistoryFormat.JEPSEN_LOG, p.format());
        assertEquals(3, p.operations().size());
        assertTrue(check(lines).linearizable());
        lines[7] = "INFO  jepsen.util - 0\t:ok\t:read\t4";
        assertFalse(check(lines).linearizable());
    }

    private static String problem(String... lines) {
        HistorySyntaxError e = assertThrows(HistorySyntaxError.class, () -> read(lines));
        return e.at("h") ;
    }

    @Test
    void malformedLinesNameTheLineAndTheProblem() {
        String w = "{:process 0, :type :invoke, :f :write, :value 3}";
        assertEquals("h:2: not EDN: expected '}' to close the map at column 34, found the end of the line",
                problem(w, "{:process 0, :type :ok, :f :write"));
        assertTrue(problem(w, w).startsWith("h:2: process 0 invokes :write while its :write from line 1"));
        assertTrue(problem("{:process 0, :type :ok, :f :write, :value 3}").startsWith(
                "h:1: process 0 completes :write (:ok) but has no operation in progress"));
        assertTrue(problem(w, "{:process 0, :type :done, :f :write}").startsWith("h:2: type :done is not one of"));
        assertTrue(problem("{:process 0, :type :invoke, :f :frob}").startsWith("h:1: operation :frob is not one"));
        assertTrue(problem("{:process 0, :type :invoke, :f :cas, :value 3}").startsWith(
                "h:1: :cas takes a value [old new]"));
        assertTrue(problem(w, "[1 2]").startsWith("h:2: expected one map per line"));
        assertTrue(problem("#1 c1 put(x, \"1\") ok [10, 20]", "#2 c1 put(x, \"1\") maybe [10, 20]").startsWith(
                "h:2: expected ok, fail or unknown at column 19"));
        assertTrue(problem("#1 c1 put(x, \"1\") ok [30, 20]").startsWith("h:1: the operation completes (20) before"));
        assertTrue(problem("#1 c1 get(x) unknown [30, 40]").startsWith("h:1: an unknown operation has no completion"));
        assertTrue(problem("#1 c1 put(x, \"1\") ok [1, 2]", "#1 c1 put(x, \"1\") ok [1, 2]").startsWith(
                "h:2: operation #1 appears twice"));
        assertTrue(problem("hello").startsWith("h:1: not a history line; expected the lab's history"));
        assertTrue(problem("INFO  jepsen.util - 3\t:invoke\t:write\t[4").startsWith(
                "h:1: the value field is not EDN"));
    }

    @Test
    void anEmptyFileIsAnEmptyHistory() throws HistorySyntaxError {
        assertEquals(List.of(), HistoryText.read("\n\n# nothing yet\n").operations());
    }
}
