package raftlab.lab;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell; numbers can be right-aligned. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    Table(String... header) {
        rows.add(header);
        rightAligned = new boolean[header.length];
    }

    Table alignRight(int... columns) {
        for (int c : columns) {
            rightAligned[c] = true;
        }
        return this;
    }

    void row(String... cells) {
        rows.add(cells);
    }

    void render(Output out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], Text.width(r[c]));
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = r[c];
                int pad = width[c] - Text.width(cell);
                if (c > 0) {
                    sb.append("  ");
                }
                if (rightAligned[c]) {
                    sb.append(" ".repeat(pad)).append(cell);
                } else {
                    sb.append(cell);
                    if (c < cols - 1) {
                        sb.append(" ".repeat(pad));
                    }
                }
            }
            out.line(sb.toString().stripTrailing());
        }
    }
}
