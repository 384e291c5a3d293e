package raftlab.sim;

import raftlab.raft.MessageType;

/**
 * The virtual network's rules: which links are cut, how likely a message is lost or duplicated, how long it takes.
 * Pure policy: the {@link Cluster} asks it, at send time, whether and when a message arrives, and at delivery time
 * whether its link is still up. Its random draws come from the stream of the link a message travels, which the
 * cluster passes in.
 */
public final class Network {
    /** The node ids are 1..size; it grows when a node joins (up to the capacity the arrays were made for). */
    private int size;
    /** cut[a][b]: messages from a to b are dropped. */
    private final boolean[][] cut;
    /** Loss probability per link; loss[0][0] is unused, the global probability is {@link #globalLoss}. */
    private final double[][] loss;
    private double globalLoss;
    private double dupe;
    private long latencyMin;
    private long latencyMax;
    private boolean unreliable;
    private boolean longReorder;

    Network(int size, int capacity, long latencyMin, long latencyMax) {
        this.size = size;
        this.cut = new boolean[capacity + 1][capacity + 1];
        this.loss = new double[capacity + 1][capacity + 1];
        this.latencyMin = latencyMin;
        this.latencyMax = latencyMax;
    }

    /** A node joined: ids are 1..size now. Its links start up, without loss of their own. */
    void grow(int newSize) {
        size = newSize;
    }

    // ---------------------------------------------------------------------------------------------- links

    public boolean isCut(int from, int to) {
        return cut[from][to];
    }

    public void setCut(int from, int to, boolean isCut) {
        cut[from][to] = isCut;
    }

    /** Cuts every link between different groups; group[id] names each node's group. Clears all other cuts. */
    public void partition(int[] group) {
        for (int a = 1; a <= size; a++) {
            for (int b = 1; b <= size; b++) {
                cut[a][b] = a != b && group[a] != group[b];
            }
        }
    }

    public void heal() {
        for (int a = 1; a <= size; a++) {
            for (int b = 1; b <= size; b++) {
                cut[a][b] = false;
            }
        }
    }

    /** True if any link is cut. */
    public boolean anyCut() {
        for (int a = 1; a <= size; a++) {
            for (int b = 1; b <= size; b++) {
                if (cut[a][b]) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- loss, delay

    /** Sets the loss probability of one link, of all links from or to a node (other = 0), or globally (both 0). */
    public void setLoss(int from, int to, double p) {
        if (from == 0 && to == 0) {
            globalLoss = p;
            for (double[] row : loss) {
                java.util.Arrays.fill(row, 0);
            }
            return;
        }
        for (int a = 1; a <= size; a++) {
            for (int b = 1; b <= size; b++) {
                if ((from == 0 || a == from) && (to == 0 || b == to)) {
                    loss[a][b] = p;
                }
            }
        }
    }

    public double globalLoss() {
        return globalLoss;
    }

    /** The loss probability set on the link from {@code from} to {@code to} alone (0 if none). */
    public double linkLoss(int from, int to) {
        return loss[from][to];
    }

    /** The loss probability a message from {@code from} to {@code to} faces (the larger of global and per-link). */
    public double lossFor(int from, int to) {
        if (from < 0 || to < 0) {
            return globalLoss; // a client's link: only the global loss (and the unreliable network) reach it
        }
        return Math.max(globalLoss, loss[from][to]);
    }

    public void setDupe(double p) {
        dupe = p;
    }

    public double dupe() {
        return dupe;
    }

    public void setLatency(long min, long max) {
        latencyMin = min;
        latencyMax = max;
    }

    public long latencyMin() {
        return latencyMin;
    }

    public long latencyMax() {
        return latencyMax;
    }

    /** The MIT 6.824 tester's unreliable network: 10% of requests and of replies lost, 0-26 ms extra delay. */
    public void setUnreliable(boolean on, boolean longReorder) {
        this.unreliable = on;
        this.longReorder = on && longReorder;
    }

    public boolean unreliable() {
        return unreliable;
    }

    public boolean longReorder() {
        return longReorder;
    }

    // ---------------------------------------------------------------------------------------------- decisions

    /** The reason given for the last loss-rate drop, and the rate it names (see {@link #lossAtSend}). */
    private double lossSaid = Double.NaN;
    private String lossWhy;
    /** Per link, the reason a cut link gives, made when first needed. */
    private String[][] cutWhy;

    /**
     * Why a message from {@code from} to {@code to} is lost at send time, or null if it goes on the wire. Draws
     * randomness only when needed.
     */
    String lossAtSend(int from, int to, SimRandom random) {
        double p = lossFor(from, to);
        if (p > 0 && random.nextDouble() < p) {
            if (Double.doubleToLongBits(p) != Double.doubleToLongBits(lossSaid)) {
                lossSaid = p; // formatting a double costs: the reason is made once per loss rate
                lossWhy = "lost (loss " + p + ")";
            }
            return lossWhy;
        }
        if (unreliable && random.nextDouble() < 0.1) {
            return "lost (unreliable network)";
        }
        return null;
    }

    /** How long a message of this kind takes. */
    long latency(MessageType kind, SimRandom random) {
        long d = latencyMin == latencyMax ? latencyMin : random.between(latencyMin, latencyMax);
        if (unreliable) {
            if (kind.request) {
                d += random.between(0, 26);
            } else if (longReorder && random.nextInt(3) < 2) {
                d += random.between(200, 2200);
            }
        }
        return d;
    }

    /** Whether this message should also travel a second time. */
    boolean duplicate(SimRandom random) {
        return dupe > 0 && random.nextDouble() < dupe;
    }

    /** Why a message due now cannot be delivered over the link from {@code from} to {@code to}, or null. */
    String linkDown(int from, int to) {
        if (from < 0 || to < 0) {
            return null; // clients stand outside the partitions: they can reach any node that is up
        }
        if (cut[from][to]) {
            if (cutWhy == null) {
                cutWhy = new String[cut.length][cut.length];
            }
            String why = cutWhy[from][to];
            if (why == null) { // made once per link, not for every message a partition drops
                why = "link " + from + "->" + to + " is cut";
                cutWhy[from][to] = why;
            }
            return why;
        }
        return null;
    }
}
