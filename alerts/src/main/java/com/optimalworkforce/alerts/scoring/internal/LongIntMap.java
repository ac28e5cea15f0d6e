package com.optimalworkforce.alerts.scoring.internal;

import java.util.Arrays;

/**
 * An open-addressing map from non-zero long keys to int values: 12 bytes a slot, no boxing.
 * Not thread-safe; the history guards it with its write lock.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;
  private int mask;
  private int shift;

  LongIntMap() {
    keys = new long[16];
    values = new int[16];
    mask = 15;
    shift = 64 - 4;
  }

  int size() {
    return size;
  }

  /** The value, or {@code missing}. */
  int get(long key, int missing) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == 0) {
        return missing;
      }
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = slot(key);
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes a key (backward-shift deletion keeps probe chains intact). */
  void remove(long key) {
    int i = slot(key);
    while (keys[i] != key) {
      if (keys[i] == 0) {
        return;
      }
      i = (i + 1) & mask;
    }
    size--;
    int gap = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long k = keys[j];
      if (k == 0) {
        break;
      }
      int home = slot(k);
      // Move k into the gap if its home is not cyclically within (gap, j].
      boolean between = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
      if (!between) {
        keys[gap] = k;
        values[gap] = values[j];
        gap = j;
      }
    }
    keys[gap] = 0;
    values[gap] = 0;
  }

  private int slot(long key) {
    // Fibonacci hashing: the top bits of the product are well mixed.
    return (int) ((key * 0x9e3779b97f4a7c15L) >>> shift);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    shift--;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  @Override
  public String toString() {
    return "LongIntMap[size=" + size + ", capacity=" + keys.length + ", sample=" + Arrays.toString(
        Arrays.copyOf(keys, Math.min(4, keys.length))) + "]";
  }
}
