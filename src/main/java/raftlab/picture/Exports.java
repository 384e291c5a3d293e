package raftlab.picture;

import java.util.List;

import raftlab.check.linear.CheckResult;
import raftlab.check.linear.Operation;

/** One entry point for every export format. */
public final class Exports {
    private Exports() {
    }

    /** The file's whole text. {@code ops} and {@code verdict} are the client history and its linearizability. */
    public static String render(ExportFormat f, RunRecord r, List<Operation> ops, CheckResult verdict, String title) {
        return switch (f) {
            case HTML -> HtmlExport.render(r, ops, verdict, title);
            case SVG -> SvgExport.render(r, title);
            case SHIVIZ -> ShivizExport.render(r);
            case MERMAID -> MermaidExport.render(r, title);
            case JSON -> JsonExport.render(r, ops, verdict, title);
        };
    }
}
