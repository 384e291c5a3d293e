package raftlab.raft;

import java.util.Map;
import java.util.TreeMap;

/**
 * The key-value store's map: String keys to String values, open addressing with linear probing, keys, values and
 * hashes in parallel arrays. Every replica applies every command to it, so it is the busiest map of a loaded cluster;
 * a java.util.HashMap reached each key through a node object of its own, one dependent memory load more per put.
 * Nothing reads it in its own order: the store hands out a sorted copy, and its fingerprint is a sum. Same contract
 * as HashMap for what the store uses: a null key or null value is held like any other.
 */
final class StringTable {
    private String[] keys = new String[16];
    private String[] values = new String[16];
    private int[] hashes = new int[16];
    private int size;
    private boolean hasNullKey;
    private String nullKeyValue;

    /** The value of {@code key}, or null if it has none. */
    String get(String key) {
        if (key == null) {
            return nullKeyValue;
        }
        int h = key.hashCode();
        int mask = keys.length - 1;
        for (int i = slot(h, mask); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && (keys[i] == key || keys[i].equals(key))) {
                return values[i];
            }
        }
        return null;
    }

    /** Sets {@code key} to {@code value}; returns the value it had (null if none), as {@link Map#put} does. */
    String put(String key, String value) {
        if (key == null) {
            String old = nullKeyValue;
            if (!hasNullKey) {
                hasNullKey = true;
                size++;
            }
            nullKeyValue = value;
            return old;
        }
        int h = key.hashCode();
        int mask = keys.length - 1;
        int i = slot(h, mask);
        for (; keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && (keys[i] == key || keys[i].equals(key))) {
                String old = values[i];
                values[i] = value;
                return old;
            }
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = h;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return null;
    }

    /** Removes {@code key}; returns the value it had (null if none), as {@link Map#remove} does. */
    String remove(String key) {
        if (key == null) {
            String old = nullKeyValue;
            if (hasNullKey) {
                hasNullKey = false;
                nullKeyValue = null;
                size--;
            }
            return old;
        }
        int h = key.hashCode();
        int mask = keys.length - 1;
        int i = slot(h, mask);
        while (keys[i] != null && !(hashes[i] == h && (keys[i] == key || keys[i].equals(key)))) {
            i = (i + 1) & mask;
        }
        if (keys[i] == null) {
            return null;
        }
        String old = values[i];
        // Backward-shift deletion: later members of the probe run move into the gap, so no tombstones are needed.
        int gap = i;
        for (int j = (gap + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = slot(hashes[j], mask);
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                hashes[gap] = hashes[j];
                gap = j;
            }
        }
        keys[gap] = null;
        values[gap] = null;
        hashes[gap] = 0;
        size--;
        return old;
    }

    int size() {
        return size;
    }

    void clear() {
        java.util.Arrays.fill(keys, null);
        java.util.Arrays.fill(values, null);
        java.util.Arrays.fill(hashes, 0);
        size = 0;
        hasNullKey = false;
        nullKeyValue = null;
    }

    void putAll(Map<String, String> m) {
        for (Map.Entry<String, String> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    /** A sorted copy (a TreeMap: a null key throws, as copying a HashMap holding one into a TreeMap did). */
    TreeMap<String, String> toTreeMap() {
        TreeMap<String, String> out = new TreeMap<>();
        if (hasNullKey) {
            out.put(null, nullKeyValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                out.put(keys[i], values[i]);
            }
        }
        return out;
    }

    /** The sum of {@code pair} over every (key, value): what KvStore.fingerprint(Map) makes of the same contents. */
    long sum(java.util.function.ToLongBiFunction<String, String> pair) {
        long h = 0;
        if (hasNullKey) {
            h += pair.applyAsLong(null, nullKeyValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                h += pair.applyAsLong(keys[i], values[i]);
            }
        }
        return h;
    }

    /** Fibonacci hashing, folded: nearby hash codes ("k1", "k2") land far apart. */
    private static int slot(int h, int mask) {
        int z = h * 0x9E3779B9;
        return (z ^ (z >>> 16)) & mask;
    }

    private void grow() {
        String[] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        int n = oldKeys.length * 2;
        keys = new String[n];
        values = new String[n];
        hashes = new int[n];
        int mask = n - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = slot(oldHashes[j], mask);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }
}
