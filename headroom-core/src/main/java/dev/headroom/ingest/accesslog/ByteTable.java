package dev.headroom.ingest.accesslog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A map from short byte strings to values, looked up straight from the reader's buffer: a hit
 * allocates nothing, only a new key copies its bytes once (open addressing, FNV-1a hash, load
 * factor at most one half). Holds at most {@code capacity} keys; {@link #get} returns null for a
 * new key once full, and the caller puts that line under "other".
 */
final class ByteTable<V> {

  private final int capacity;
  private final Function<String, V> create;
  private byte[][] keys;
  private Object[] values;
  private int[] hashes;
  private final List<V> inOrder = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  ByteTable(int capacity, Function<String, V> create) {
    this.capacity = capacity;
    this.create = create;
    int slots = Integer.highestOneBit(Math.max(16, capacity * 2 + 1)) << 1;
    keys = new byte[Math.min(slots, 1 << 12)][];
    values = new Object[keys.length];
    hashes = new int[keys.length];
  }

  /** The value of {@code b[s, e)}, created on first sight; null when the table is full. */
  @SuppressWarnings("unchecked")
  V get(byte[] b, int s, int e) {
    int h = hash(b, s, e);
    int mask = keys.length - 1;
    int i = h & mask;
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        break;
      }
      if (hashes[i] == h && Arrays.equals(k, 0, k.length, b, s, e)) {
        return (V) values[i];
      }
      i = (i + 1) & mask;
    }
    if (inOrder.size() >= capacity) {
      return null;
    }
    byte[] key = Arrays.copyOfRange(b, s, e);
    String name = new String(key, StandardCharsets.UTF_8);
    V v = create.apply(name);
    keys[i] = key;
    values[i] = v;
    hashes[i] = h;
    inOrder.add(v);
    names.add(name);
    if (inOrder.size() * 2 > keys.length) {
      grow();
    }
    return v;
  }

  /** Values in the order their keys were first seen. */
  List<V> values() {
    return inOrder;
  }

  int size() {
    return inOrder.size();
  }

  private void grow() {
    byte[][] ok = keys;
    Object[] ov = values;
    int[] oh = hashes;
    keys = new byte[ok.length * 2][];
    values = new Object[keys.length];
    hashes = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != null) {
        int i = oh[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        values[i] = ov[j];
        hashes[i] = oh[j];
      }
    }
  }

  private static int hash(byte[] b, int s, int e) {
    int h = 0x811c9dc5;
    for (int i = s; i < e; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
