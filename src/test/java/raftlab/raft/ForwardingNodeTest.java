package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForwardingNodeTest {
    /** A method of RaftNode that ForwardingNode left to the interface's default would never reach the real node. */
    @Test
    void everyMethodOfTheInterfaceIsForwarded() throws NoSuchMethodException {
        List<String> notForwarded = new ArrayList<>();
        for (Method m : RaftNode.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            if (ForwardingNode.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass()
                    != ForwardingNode.class) {
                notForwarded.add(m.getName());
            }
        }
        assertEquals(List.of(), notForwarded);
    }
}
