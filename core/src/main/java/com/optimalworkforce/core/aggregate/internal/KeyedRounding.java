package com.optimalworkforce.core.aggregate.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unbiased random rounding to a base, with the random draw taken from an HMAC of the cell and its
 * value under a secret key: the same figure in the same cell always rounds the same way, so
 * repeated releases cannot be averaged, yet nobody without the key can predict the direction.
 *
 * <pre>{@code
 * KeyedRounding r = new KeyedRounding(5, key);
 * r.round(23, "toronto-east/visits/M4A/2026-W47"); // 20 (p = 0.4) or 25 (p = 0.6)... decided by the key
 * }</pre>
 */
public final class KeyedRounding {
  private final int base;
  private final Mac mac;

  public KeyedRounding(int base, byte[] key) {
    if (base < 2) {
      throw new IllegalArgumentException("base must be at least 2 but was " + base);
    }
    this.base = base;
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Rounds a count down or up to a multiple of the base; multiples (and zero) stay as they are. */
  public long round(long value, String cell) {
    long down = Math.floorDiv(value, base) * base;
    long remainder = value - down;
    if (remainder == 0) {
      return value;
    }
    return uniform(cell + "|" + value) * base < remainder ? down + base : down;
  }

  /** Rounds a non-negative quantity (hours) down or up to a multiple of the base. */
  public double round(double value, String cell) {
    double down = Math.floor(value / base) * base;
    double remainder = value - down;
    if (remainder == 0) {
      return value;
    }
    return uniform(cell + "|" + value) * base < remainder ? down + base : down;
  }

  /** A number in [0, 1) from the keyed hash of the label. */
  private double uniform(String label) {
    byte[] h = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 7; i++) {
      bits = (bits << 8) | (h[i] & 0xff);
    }
    return (bits >>> 3) / (double) (1L << 53);
  }
}
