package com.optimalworkforce.testkit.alayacare.internal;

/**
 * The simulator's server-side rate limit: a token bucket refilled at {@code rate} per second
 * holding at most {@code capacity}. Not API.
 */
public final class TokenBucket {
  private final double rate;
  private final double capacity;
  private double tokens;
  private long last;

  public TokenBucket(double ratePerSecond, double capacity) {
    this.rate = ratePerSecond;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = System.nanoTime();
  }

  /** Takes a token, or returns the seconds to wait for one (rounded up, at least 1). */
  public synchronized long tryTake() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
  }
}
