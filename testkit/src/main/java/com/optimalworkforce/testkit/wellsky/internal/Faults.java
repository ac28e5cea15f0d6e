package com.optimalworkforce.testkit.wellsky.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults queued for the next API requests, and a delay for all of them. Thread-safe. Not API. */
public final class Faults {
  /** What to do instead of answering one request. */
  public enum Kind { RATE_LIMIT, SERVER_ERROR, HTML_SERVER_ERROR, MALFORMED_JSON, ERROR, PASS }

  /** One queued fault; status, content type and body only for {@link Kind#ERROR}. */
  public record Fault(Kind kind, Duration retryAfter, int status, String contentType, String body) {
    public Fault(Kind kind, Duration retryAfter) {
      this(kind, retryAfter, 0, null, null);
    }
  }

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

  /** Queues {@code times} answers with this error status, content type and body. */
  public void addError(int times, int status, String contentType, String body) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1 but was " + times);
    }
    for (int i = 0; i < times; i++) {
      next.add(new Fault(Kind.ERROR, Duration.ZERO, status, contentType, body));
    }
  }

  /** Lets {@code requests} requests through (answered normally) before the faults queued after this. */
  public void pass(int requests) {
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative but was " + requests);
    }
    for (int i = 0; i < requests; i++) {
      next.add(new Fault(Kind.PASS, Duration.ZERO));
    }
  }

  /** The fault for this request ({@link Kind#PASS} to answer normally and use up the entry), or null to answer normally. */
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
