package com.optimalworkforce.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A client-side limit on how often a connector calls its source: at most
 * {@link #limitForPeriod()} calls per {@link #period()}, waiting up to {@link #maxWait()} for a
 * permit (then failing as rate-limited). Every attempt counts, retries included. Immutable; the
 * limiter itself lives in the {@link HttpResilience} made from it, one per connector.
 *
 * <pre>{@code
 * RateLimitPolicy fivePerSecond = RateLimitPolicy.perSecond(5);
 * RateLimitPolicy custom = RateLimitPolicy.builder()
 *     .limitForPeriod(100).period(Duration.ofMinutes(1)).maxWait(Duration.ofSeconds(90)).build();
 * }</pre>
 */
public final class RateLimitPolicy {
  private static final RateLimitPolicy UNLIMITED = new RateLimitPolicy(0, Duration.ofSeconds(1), Duration.ZERO);

  private final int limitForPeriod;
  private final Duration period;
  private final Duration maxWait;

  private RateLimitPolicy(int limitForPeriod, Duration period, Duration maxWait) {
    this.limitForPeriod = limitForPeriod;
    this.period = period;
    this.maxWait = maxWait;
  }

  /** No client-side limit. */
  public static RateLimitPolicy unlimited() {
    return UNLIMITED;
  }

  /**
   * About {@code callsPerSecond} calls a second (fractions allowed: 0.5 is one call every 2 s),
   * waiting up to 60 s for a permit.
   */
  public static RateLimitPolicy perSecond(double callsPerSecond) {
    if (!(callsPerSecond > 0 && callsPerSecond <= 100_000)) {
      throw new IllegalArgumentException("callsPerSecond must be above 0 and at most 100000 but was " + callsPerSecond);
    }
    int limit = Math.max(1, (int) Math.floor(callsPerSecond));
    long periodNanos = Math.round(limit * 1_000_000_000.0 / callsPerSecond);
    return builder().limitForPeriod(limit).period(Duration.ofNanos(periodNanos)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isUnlimited() {
    return limitForPeriod == 0;
  }

  /** Calls allowed per period (0 when unlimited). */
  public int limitForPeriod() {
    return limitForPeriod;
  }

  public Duration period() {
    return period;
  }

  /** How long a call waits for a permit before failing as rate-limited. */
  public Duration maxWait() {
    return maxWait;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimitPolicy p && limitForPeriod == p.limitForPeriod && period.equals(p.period)
        && maxWait.equals(p.maxWait);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limitForPeriod, period, maxWait);
  }

  @Override
  public String toString() {
    return isUnlimited() ? "RateLimitPolicy[unlimited]"
        : "RateLimitPolicy[" + limitForPeriod + " per " + period + ", maxWait=" + maxWait + "]";
  }

  /** Builds a {@link RateLimitPolicy}; limitForPeriod is required. */
  public static final class Builder {
    private int limitForPeriod;
    private Duration period = Duration.ofSeconds(1);
    private Duration maxWait = Duration.ofSeconds(60);

    private Builder() {}

    public Builder limitForPeriod(int limitForPeriod) {
      if (limitForPeriod < 1) {
        throw new IllegalArgumentException("limitForPeriod must be at least 1 but was " + limitForPeriod);
      }
      this.limitForPeriod = limitForPeriod;
      return this;
    }

    /** At least 1 ms. */
    public Builder period(Duration period) {
      Objects.requireNonNull(period, "period");
      if (period.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("period must be at least 1 ms but was " + period);
      }
      this.period = period;
      return this;
    }

    public Builder maxWait(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative but was " + maxWait);
      }
      this.maxWait = maxWait;
      return this;
    }

    /** @throws IllegalStateException when limitForPeriod was not set */
    public RateLimitPolicy build() {
      if (limitForPeriod == 0) {
        throw new IllegalStateException("limitForPeriod is required; use RateLimitPolicy.unlimited() for no limit");
      }
      return new RateLimitPolicy(limitForPeriod, period, maxWait);
    }
  }
}
