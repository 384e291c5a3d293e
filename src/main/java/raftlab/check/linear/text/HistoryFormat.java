package raftlab.check.linear.text;

/** The history formats {@link HistoryText} reads, told apart by their first history line. */
public enum HistoryFormat {
    /** The lab's own {@code history} output: {@code #1 c1 put(x, "1") ok [10, 20]}. */
    LAB("the lab's history"),
    /** Knossos/Jepsen EDN, one map per line: {@code {:process 0, :type :invoke, :f :write, :value 3}}. */
    EDN("Jepsen EDN"),
    /** Jepsen's log lines for a register: {@code INFO  jepsen.util - 3<TAB>:invoke<TAB>:write<TAB>4}. */
    JEPSEN_LOG("Jepsen log");

    public final String label;

    HistoryFormat(String label) {
        this.label = label;
    }
}
