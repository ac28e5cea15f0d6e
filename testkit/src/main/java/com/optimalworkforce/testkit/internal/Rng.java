package com.optimalworkforce.testkit.internal;

import java.util.SplittableRandom;

/** Deterministic random streams keyed by (seed, stream, index), so any record can be regenerated alone. */
public final class Rng {
  private Rng() {}

  public static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  public static SplittableRandom of(long seed, int stream, long index) {
    return new SplittableRandom(mix(mix(seed * 0x9E3779B97F4A7C15L + stream) + index));
  }

  /** A uniform double in [0,1) for (seed, stream, index) without allocating. */
  public static double unit(long seed, int stream, long index) {
    return (mix(mix(seed * 0x9E3779B97F4A7C15L + stream) + index) >>> 11) * 0x1.0p-53;
  }
}
