package raftlab.check.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only checks the benchmark runs and reports; timing is never asserted. */
class LinearizabilityBenchTest {
    @Test
    void benchRunsOnASmallHistory() {
        String line = LinearizabilityBench.run(1, 300);
        assertTrue(line.matches("linearizability check: 300 ops, 5 clients, 10 keys: \\d+ ms"),
                line);
    }
}
