package raftlab.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import raftlab.sim.Network;

/** How {@code net} describes links: per-link losses grouped by value, and cuts as a partition when they form one. */
final class NetView {
    private NetView() {
    }

    /** "loss 0.3 on 4->1 4->2 4->3 4->5", one line per distinct per-link probability; empty when none is set. */
    static List<String> linkLosses(Network net, int size) {
        Map<Double, List<String>> byValue = new LinkedHashMap<>();
        for (int a = 1; a <= size; a++) {
            for (int b = 1; b <= size; b++) {
                double p = net.linkLoss(a, b);
                if (a != b && p > 0) {
                    byValue.computeIfAbsent(p, k -> new ArrayList<>()).add(a + "->" + b);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Double, List<String>> e : byValue.entrySet()) {
            out.add("loss " + CheckCommands.fmt(e.getKey()) + " on " + String.join(" ", e.getValue()));
        }
        return out;
    }

    /** The skewed clocks ({@code skew}) in one line, {@code clocks: n1 x0.5, n3 x1.2 (others x1)}; null if none is. */
    static String clocks(raftlab.sim.Cluster c) {
        StringBuilder sb = new StringBuilder();
        for (int id = 1; id <= c.size(); id++) {
            if (c.clockRate(id) != 1.0) {
                sb.append(sb.length() == 0 ? "" : ", ").append('n').append(id).append(" x")
                        .append(CheckCommands.fmt(c.clockRate(id)));
            }
        }
        return sb.length() == 0 ? null : "clocks: " + sb + " (others x1); a timer of T ms fires after T / rate";
    }

    /**
     * The cut links in one line: "no link is cut"; "partition 1,2 | 3,4,5" when the cuts are exactly the links
     * between groups; else isolated nodes ("n5 isolated") and the remaining cut links ("cut: 1->2 3->1").
     */
    static String cuts(Network net, int size) {
        if (!net.anyCut()) {
            return "no link is cut";
        }
        String partition = partition(net, size);
        if (partition != null) {
            return partition;
        }
        List<String> parts = new ArrayList<>();
        boolean[] isolated = new boolean[size + 1];
        for (int n = 1; n <= size; n++) {
            boolean all = true;
            for (int o = 1; o <= size && all; o++) {
                all = o == n || (net.isCut(n, o) && net.isCut(o, n));
            }
            isolated[n] = all && size > 1;
        }
        List<String> links = new ArrayList<>();
        for (int a = 1; a <= size; a++) {
            for (int b = 1; b <= size; b++) {
                if (net.isCut(a, b) && !isolated[a] && !isolated[b]) {
                    links.add(a + "->" + b);
                }
            }
        }
        if (!links.isEmpty()) {
            parts.add("cut: " + String.join(" ", links));
        }
        for (int n = 1; n <= size; n++) {
            if (isolated[n]) {
                parts.add("n" + n + " isolated");
            }
        }
        return String.join("; ", parts);
    }

    /** "partition 1,2,3 | 4,5" if nodes fall into groups fully connected inside and fully cut between, else null. */
    private static String partition(Network net, int size) {
        int[] group = new int[size + 1];
        int groups = 0;
        for (int n = 1; n <= size; n++) {
            if (group[n] == 0) {
                groups++;
                for (int o = n; o <= size; o++) {
                    if (o == n || (!net.isCut(n, o) && !net.isCut(o, n))) {
                        if (group[o] != 0) {
                            return null;
                        }
                        group[o] = groups;
                    }
                }
            }
        }
        if (groups < 2) {
            return null;
        }
        for (int a = 1; a <= size; a++) {
            for (int b = 1; b <= size; b++) {
                if (a != b && net.isCut(a, b) != (group[a] != group[b])) {
                    return null;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1; n <= size; n++) {
                if (group[n] == g) {
                    sb.append(sb.length() == 0 ? "" : ",").append(n);
                }
            }
            names.add(sb.toString());
        }
        return "partition " + String.join(" | ", names);
    }
}
