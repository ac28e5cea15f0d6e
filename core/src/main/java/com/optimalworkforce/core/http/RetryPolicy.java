package com.optimalworkforce.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * When and how long to wait before trying an HTTP call again: exponential backoff with jitter,
 * only for idempotent calls, only on 429, 502, 503, 504, I/O timeouts and connection resets,
 * honouring the server's {@code Retry-After} (seconds or HTTP-date) up to {@link #maxRetryAfter()}.
 * Immutable.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(4)
 *     .initialBackoff(Duration.ofMillis(500))
 *     .maxBackoff(Duration.ofSeconds(30))
 *     .build();
 * HttpResilience resilience = HttpResilience.of(policy, RateLimitPolicy.perSecond(5));
 * }</pre>
 *
 * <p>Defaults ({@link #ofDefaults()}): 5 attempts, 1 s doubling to at most 60 s, jitter ±50%,
 * {@code Retry-After} honoured up to 5 minutes.
 */
public final class RetryPolicy {
  /** The HTTP statuses that are retried: 429, 502, 503, 504. */
  public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.multiplier = b.multiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /** 5 attempts, 1 s doubling to 60 s, jitter 0.5, {@code Retry-After} up to 5 minutes. */
  public static RetryPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** One attempt, never retried. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.multiplier = multiplier;
    b.maxBackoff = maxBackoff;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    return b;
  }

  /** True for the statuses worth retrying (429, 502, 503, 504). */
  public static boolean isRetryableStatus(int status) {
    return RETRYABLE_STATUSES.contains(status);
  }

  /** Total attempts including the first. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Wait before the second attempt (before jitter). */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Factor by which the wait grows after each attempt. */
  public double multiplier() {
    return multiplier;
  }

  /** Longest backoff wait (before jitter). */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * Randomization factor: a wait {@code w} becomes uniform in {@code [w(1-j), w(1+j)]}, then is
   * capped at {@link #maxBackoff()} (so waits never exceed it).
   */
  public double jitter() {
    return jitter;
  }

  /** Longest wait granted to a server's {@code Retry-After}; longer requests are cut to this. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** The backoff before attempt {@code attempt + 1} without jitter ({@code attempt} counts from 1). */
  public Duration backoff(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1 but was " + attempt);
    }
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1.0);
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts && initialBackoff.equals(p.initialBackoff)
        && Double.compare(multiplier, p.multiplier) == 0 && maxBackoff.equals(p.maxBackoff)
        && Double.compare(jitter, p.jitter) == 0 && maxRetryAfter.equals(p.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", multiplier="
        + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  /** Builds a {@link RetryPolicy}; each setter checks its value. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private double multiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(60);
    private double jitter = 0.5;
    private Duration maxRetryAfter = Duration.ofMinutes(5);

    private Builder() {}

    /** Total attempts including the first, 1 to 100. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be between 1 and 100 but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /** Growth factor, 1.0 (constant waits) to 10. */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
        throw new IllegalArgumentException("multiplier must be between 1.0 and 10.0 but was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /** Randomization factor in [0, 1); 0 turns jitter off. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter < 1.0)) {
        throw new IllegalArgumentException("jitter must be at least 0 and below 1 but was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative() || d.toMillis() == 0) {
        throw new IllegalArgumentException(name + " must be at least 1 ms but was " + d);
      }
      return d;
    }

    /** @throws IllegalStateException when maxBackoff is below initialBackoff */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException("maxBackoff (" + maxBackoff + ") must not be below initialBackoff ("
            + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }
  }
}
