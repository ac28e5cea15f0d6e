package com.optimalworkforce.alerts.scoring.internal;

/**
 * 64-bit hashes of record ids, so the index keeps 8 bytes per visit instead of the id string.
 * Two distinct ids collide with a chance of about n^2 / 2^65: for a million visits, one in
 * thirty million. Never returns 0 (the empty key of {@link LongIntMap}).
 */
public final class IdHash {
  private IdHash() {}

  public static long of(String id) {
    long h = 0xcbf29ce484222325L; // FNV-1a over UTF-16 units, then a strong finalizer
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
