package raftlab.check.linear.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The EDN subset Jepsen histories use. */
class EdnTest {
    @Test
    void readsMapsVectorsAndScalars() throws Edn.SyntaxError {
        Object v = Edn.read("{:process 3, :type :ok, :f :cas, :value [1 -2], :time 12N, :x 1.5e3 ; comment\n}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(new Edn.Num("3"), m.get(new Edn.Keyword("process")));
        assertEquals(new Edn.Keyword("ok"), m.get(new Edn.Keyword("type")));
        assertEquals(List.of(new Edn.Num("1"), new Edn.Num("-2")), m.get(new Edn.Keyword("value")));
        assertEquals(new Edn.Num("12N"), m.get(new Edn.Keyword("time")));
        assertEquals(new Edn.Num("1.5e3"), m.get(new Edn.Keyword("x")));
        assertNull(Edn.read("nil"));
        assertEquals(Boolean.TRUE, Edn.read("true"));
        assertEquals("a\"b\\c\n\u00e9", Edn.read("\"a\\\"b\\\\c\\n\\u00e9\""));
        assertEquals(Set.of(new Edn.Num("1"), new Edn.Num("2")), Edn.read("#{1 2}"));
        assertEquals("2026-12-01", Edn.read("#inst \"2026-12-01\""));
        assertEquals(new Edn.Keyword("jepsen.core/ok"), Edn.read(":jepsen.core/ok"));
        assertEquals(List.of(new Edn.Symbol("foo"), new Edn.Num("1")), Edn.read("(foo 1)"));
        assertEquals(new Edn.Num("2"), Edn.read("#_ 1 2"));
    }

    @Test
    void malformedEdnSaysWhatAndWhere() {
        assertTrue(assertThrows(Edn.SyntaxError.class, () -> Edn.read("{:a 1")).getMessage()
                .startsWith("expected '}' to close the map at column 6"));
        assertTrue(assertThrows(Edn.SyntaxError.class, () -> Edn.read("\"abc")).getMessage()
                .startsWith("expected '\"' to close the string"));
        assertTrue(assertThrows(Edn.SyntaxError.class, () -> Edn.read("{:a}")).getMessage()
                .startsWith("expected a value for key :a"));
        assertTrue(assertThrows(Edn.SyntaxError.class, () -> Edn.read("{:a 1 :a 2}")).getMessage()
                .startsWith("key :a appears twice"));
        assertTrue(assertThrows(Edn.SyntaxError.class, () -> Edn.read("1 2")).getMessage()
                .startsWith("expected one value, then the end of the line at column 3"));
        assertTrue(assertThrows(Edn.SyntaxError.class, () -> Edn.read("12abc")).getMessage()
                .startsWith("expected a number at column 1"));
        assertTrue(assertThrows(Edn.SyntaxError.class, () -> Edn.read("]")).getMessage()
                .startsWith("expected a value at column 1"));
    }
}
