package raftlab.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bytes of a snapshot as InstallSnapshot carries them: what the paper's {@code data} field holds, so that chunks
 * are byte ranges as in Figure 13. The layout is simple on purpose: the voters, then each key and value, every number
 * as 4 bytes and every string as its length and its UTF-16 code units, 2 bytes each (the core uses no I/O classes, so
 * it writes the bytes itself). Deterministic: the image is sorted. Two optional parts follow the image, so that a
 * snapshot without them has exactly the bytes it had before they existed: the client session table, when there is
 * one (its size, then each client id, sequence number as 8 bytes, and result as a flag byte and a string), then a
 * configuration with learners or in joint mode, written in full after the marker -1 (a session count is never
 * negative, so the marker tells the two apart).
 */
public final class SnapshotCodec {
    /** Announces the full configuration; never a valid session count. */
    private static final int CONFIG_MARK = -1;

    private SnapshotCodec() {
    }

    public static byte[] encode(Snapshot s) {
        Configuration config = s.config();
        int[] voters = config == null ? new int[0] : config.voters().ids();
        // A configuration with learners or in joint mode is written out in full after the image; a plain one is the
        // voters alone, as before membership changes existed (the same bytes, so the same chunks).
        String full = config == null || (!config.joint() && config.learners().length == 0) ? null : config.format();
        int size = 4 + 4 * voters.length + 4 + (full == null ? 0 : 8 + 2 * full.length());
        for (var e : s.image().entrySet()) {
            size += 8 + 2 * e.getKey().length() + 2 * e.getValue().length();
        }
        if (!s.sessions().isEmpty()) {
            size += 4;
            for (var e : s.sessions().values()) {
                size += 4 + 8 + 1 + (e.result() == null ? 0 : 4 + 2 * e.result().length());
            }
        }
        byte[] out = new byte[size];
        int[] at = {0};
        writeInt(out, at, voters.length);
        for (int v : voters) {
            writeInt(out, at, v);
        }
        writeInt(out, at, s.image().size());
        for (var e : s.image().entrySet()) {
            writeString(out, at, e.getKey());
            writeString(out, at, e.getValue());
        }
        if (!s.sessions().isEmpty()) {
            writeInt(out, at, s.sessions().size());
            for (var e : s.sessions().entrySet()) {
                writeInt(out, at, e.getKey());
                writeInt(out, at, (int) (e.getValue().seq() >>> 32));
                writeInt(out, at, (int) e.getValue().seq());
                String result = e.getValue().result();
                out[at[0]++] = (byte) (result == null ? 0 : 1);
                if (result != null) {
                    writeString(out, at, result);
                }
            }
        }
        if (full != null) {
            writeInt(out, at, CONFIG_MARK);
            writeString(out, at, full);
        }
        return out;
    }

    /** The snapshot with index {@code index} and term {@code term} whose data is {@code bytes}. */
    public static Snapshot decode(long index, long term, byte[] bytes) {
        int[] at = {0};
        int n = readInt(bytes, at);
        List<Integer> voters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            voters.add(readInt(bytes, at));
        }
        int size = readInt(bytes, at);
        SortedMap<String, String> image = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            String k = readString(bytes, at);
            image.put(k, readString(bytes, at));
        }
        SortedMap<Integer, ClientSession> sessions = new TreeMap<>();
        if (at[0] < bytes.length && peekInt(bytes, at) != CONFIG_MARK) {
            int clients = readInt(bytes, at);
            for (int i = 0; i < clients; i++) {
                int client = readInt(bytes, at);
                long seq = (long) readInt(bytes, at) << 32 | (readInt(bytes, at) & 0xffffffffL);
                boolean hasResult = bytes[at[0]++] != 0;
                sessions.put(client, new ClientSession(seq, hasResult ? readString(bytes, at) : null));
            }
        }
        Configuration config;
        if (at[0] < bytes.length) {
            readInt(bytes, at); // CONFIG_MARK
            config = Configuration.parse(readString(bytes, at));
        } else {
            config = voters.isEmpty() ? null : Configuration.of(Quorum.of(voters));
        }
        return new Snapshot(index, term, java.util.Collections.unmodifiableSortedMap(image), config, sessions);
    }

    private static int peekInt(byte[] b, int[] at) {
        return readInt(b, new int[] {at[0]});
    }

    private static void writeInt(byte[] b, int[] at, int v) {
        int i = at[0];
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
        at[0] = i + 4;
    }

    private static void writeString(byte[] b, int[] at, String s) {
        writeInt(b, at, s.length());
        int i = at[0];
        for (int c = 0; c < s.length(); c++) {
            char ch = s.charAt(c);
            b[i++] = (byte) (ch >>> 8);
            b[i++] = (byte) ch;
        }
        at[0] = i;
    }

    private static int readInt(byte[] b, int[] at) {
        int i = at[0];
        at[0] = i + 4;
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static String readString(byte[] b, int[] at) {
        int len = readInt(b, at);
        char[] cs = new char[len];
        int i = at[0];
        for (int c = 0; c < len; c++) {
            cs[c] = (char) ((b[i] & 0xff) << 8 | (b[i + 1] & 0xff));
            i += 2;
        }
        at[0] = i;
        return new String(cs);
    }
}
