package com.optimalworkforce.testkit.wellsky.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults queued for the next API requests, and a delay for all of them. Thread-safe. Not API. */
public final class Faults {
  /** What to do instead of answering one request. */
  public enum Kind { RATE_LIMIT, SERVER_ERROR, HTML_SERVER_ERROR, MALFORMED_JSON }

  /** One queued fault. */
  public record Fault(Kind kind, Duration retryAfter) {}

  private final Queue<Fault> next = new ConcurrentLinkedQueue<>();
  private volatile Duration delay = Duration.ZERO;

  public void add(Kind kind, int times, Duration retryAfter) {
    Objects.requireNonNull(kind, "kind");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1 but was " + times);
    }
    for (int i = 0; i < times; i++) {
      next.add(new Fault(kind, retryAfter));
    }
  }

  /** The fault for this request, or null to answer normally. */
  public Fault poll() {
    return next.poll();
  }

  public void delay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative but was " + delay);
    }
    this.delay = delay;
  }

  public Duration delay() {
    return delay;
  }

  public int pending() {
    return next.size();
  }

  public void clear() {
    next.clear();
    delay = Duration.ZERO;
  }
}
