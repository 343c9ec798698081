package kextshell.trace;

import java.util.Arrays;

/**
 * Registry id (or pid) to a small non-negative int, without boxing: a 100,000-client unload
 * journals about 1.2 million events and each one is looked up. Open addressing with linear
 * probing on the id's low bits: ids are handed out sequentially, so neighbours land in neighbouring
 * slots and lookups stay in cache. -1 means absent; negative values cannot be stored.
 */
final class LongIntMap {
    private long[] keys = new long[64];
    private int[] values = filled(64);
    private int size;

    int get(long key) {
        return values[slot(key)];
    }

    boolean containsKey(long key) {
        return values[slot(key)] >= 0;
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        int i = slot(key);
        if (values[i] < 0) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (values[i] >= 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = filled(keys.length);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}
