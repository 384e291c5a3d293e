package raftlab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import raftlab.shell.ReadmeBlocks;

/** The README's Groovy example runs as written, and no client request in it is refused. */
class ReadmeScriptTest {
    @Test
    void theGroovyExampleRunsAsWritten() throws Exception {
        String script = String.join("\n", ReadmeBlocks.block("## Groovy scripts")) + "\n";
        ScriptRunnerTest.Result r = ScriptRunnerTest.run(script);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("refused"), r.out());
    }
}
