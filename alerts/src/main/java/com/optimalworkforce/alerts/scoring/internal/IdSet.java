package com.optimalworkforce.alerts.scoring.internal;

/**
 * A set of ids for one ranking: open addressing over the strings' cached hash codes, no nodes
 * allocated. Not thread-safe (one per ranking).
 */
final class IdSet {
  private final String[] table;
  private final int mask;

  IdSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected * 2) - 1) << 1;
    table = new String[capacity];
    mask = capacity - 1;
  }

  /** Adds the id; false when it was already there. */
  boolean add(String id) {
    int h = id.hashCode();
    int i = (h ^ (h >>> 16)) & mask;
    while (true) {
      String s = table[i];
      if (s == null) {
        table[i] = id;
        return true;
      }
      if (s == id || s.equals(id)) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }
}
