package raftlab.raft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bytes of a snapshot as InstallSnapshot carries them: what the paper's {@code data} field holds, so that chunks
 * are byte ranges as in Figure 13. The layout is simple on purpose: the voters, then each key and value, every
 * number as 4 bytes and every string as its UTF-8 length and bytes. Deterministic (the image is sorted).
 */
public final class SnapshotCodec {
    private SnapshotCodec() {
    }

    public static byte[] encode(Snapshot s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeInt(out, s.voters().size());
        for (int v : s.voters()) {
            writeInt(out, v);
        }
        writeInt(out, s.image().size());
        for (var e : s.image().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        return out.toByteArray();
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
        return new Snapshot(index, term, java.util.Collections.unmodifiableSortedMap(image), voters);
    }

    private static void writeInt(java.io.ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeString(java.io.ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(out, b.length);
        out.write(b, 0, b.length);
    }

    private static int readInt(byte[] b, int[] at) {
        int i = at[0];
        at[0] = i + 4;
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    private static String readString(byte[] b, int[] at) {
        int len = readInt(b, at);
        String s = new String(b, at[0], len, StandardCharsets.UTF_8);
        at[0] += len;
        return s;
    }
}
