package com.optimalworkforce.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A retry about to happen, reported to the listener of an {@link HttpResilience} (for metrics,
 * logs, tests).
 *
 * <pre>{@code
 * HttpResilience r = HttpResilience.builder()
 *     .listener(e -> metrics.counter("retries", "cause", e.cause()).increment())
 *     .build();
 * }</pre>
 *
 * @param operation what was called, e.g. {@code GET example.alayacare.ca/ext/api/v2/...} (redacted)
 * @param attempt the attempt that failed, from 1
 * @param delay how long the caller waits before the next attempt
 * @param cause why, e.g. {@code HTTP 503} or {@code SocketTimeoutException}
 * @param fromRetryAfter true when {@code delay} came from the server's {@code Retry-After}
 */
public record RetryEvent(String operation, int attempt, Duration delay, String cause, boolean fromRetryAfter) {
  public RetryEvent {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(cause, "cause");
  }
}
