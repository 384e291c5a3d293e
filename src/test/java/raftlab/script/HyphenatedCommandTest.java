package raftlab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A command with a hyphen in its name is called in camel case from Groovy, with arguments or bare. */
class HyphenatedCommandTest {
    @Test
    void powerLossIsCalledAsPowerLoss() {
        ScriptRunnerTest.Result r = ScriptRunnerTest.run(String.join("\n",
                "cluster 3, sync: 5",
                "tick 400",
                "powerLoss 2",
                "assert node(2).up == false",
                "restart 2"));
        assertEquals(0, r.code(), r.err());
        assertEquals("> cluster 3 --sync 5\n> tick 400\n> power-loss 2\n> restart 2\n", ScriptRunnerTest.commands(r));
    }
}
