package raftlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad input gives exactly one line, starting "error: ", and leaves the cluster as it was: the full picture
 * (status, logs, messages in flight, network, events) is the same before and after.
 */
class BadInputTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "frobnicate", "tick abc", "tick -5", "put x", "put x 1 2", "put x 1 --to 9", "get", "crash 0", "crash 6",
        "restart 2", "timeout 99", "log 1 1", "log 7", "cluster 0", "cluster 99", "cluster 3 --election 9..1",
        "cluster 3 --latency x", "cluster 3 --noop sometimes", "cluster 3 --heartbeat 0", "deliver", "deliver 999",
        "drop #x", "drop --type Nope", "dup 999", "delay 999 5", "delay 1", "hold perhaps", "partition 1,2 2,3,4,5",
        "partition 1,2 3", "partition 1,2,3,4,5", "partition a,b c", "cut 1", "cut 1->1", "cut 1 9", "uncut 2->x",
        "loss 2", "loss 0.1 --from 8", "dupe -0.5", "latency 9..2", "net shaky", "net reliable --long-reorder",
        "run until leader 3", "run until commit", "run until dawn", "run forever leader", "events --last -2",
        "events --node 0", "events --kind nope", "verbose loud", "help nosuch", "isolate 6", "stats extra",
        "put 'unclosed", "status now", "now later", "cluster 3 --reads lease", "cluster 3 --reads fast",
        "cluster 3 --max-drift 0.5", "skew 1", "skew 9 0.5", "skew 1 0", "skew 1 fast", "explore --seeds 1 --reads lease",
        "add-node", "add-node now", "promote 9", "promote 2",
        "remove-node 9", "remove-node 2 --to 3", "reconfigure 1,1,2", "reconfigure 1,2,8", "reconfigure a,b",
        "reconfigure 1,2,3"})
    void oneLineAndNothingChanges(String bad) {
        Lab lab = new Lab();
        lab.execute("run until leader");
        lab.execute("put x 1");
        lab.execute("hold on");
        lab.execute("put y 2");
        String before = picture(lab);
        Output out = lab.execute(bad);
        assertEquals(1, out.lines().size(), () -> "expected one line for `" + bad + "`, got " + out.lines());
        assertTrue(out.lines().get(0).startsWith("error: "), out.lines().get(0));
        assertNotNull(lab.lastError());
        assertEquals(before, picture(lab), "`" + bad + "` changed the cluster");
    }

    private static String picture(Lab lab) {
        StringBuilder sb = new StringBuilder();
        for (String cmd : List.of("status", "log", "msgs", "net", "stats", "events")) {
            sb.append(String.join("\n", run(lab, cmd))).append('\n');
        }
        return sb.toString();
    }

    private static List<String> run(Lab lab, String cmd) {
        return lab.execute(cmd).lines();
    }
}
