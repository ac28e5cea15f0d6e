package com.optimalworkforce.alerts.notify;

import com.optimalworkforce.core.http.RetryPolicy;
import java.time.Duration;

/**
 * Defaults shared by the HTTP notifiers.
 *
 * <pre>{@code
 * TwilioSmsConfig.builder()...retryPolicy(NotifierDefaults.HTTP_RETRY).build();
 * }</pre>
 */
public final class NotifierDefaults {
  /**
   * Retries within one send: 3 attempts, 500 ms doubling to 5 s, {@code Retry-After} up to 30 s.
   * Only answers that say the message was not processed (429, 502, 503, 504) are retried; longer
   * outages are the alert engine's to retry.
   */
  public static final RetryPolicy HTTP_RETRY = RetryPolicy.builder().maxAttempts(3)
      .initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(5)).maxRetryAfter(Duration.ofSeconds(30))
      .build();

  /** Connect and answer timeout of one HTTP call: 10 seconds. */
  public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private NotifierDefaults() {}
}
