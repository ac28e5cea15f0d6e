package com.optimalworkforce.core.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one {@link Notification}: delivered (with the provider's message id when it
 * gives one), a failure worth retrying (the service is down, slow or rate limiting), or a
 * rejection that retrying will not fix (bad credentials, an invalid recipient). Reasons say what
 * happened and what to do, and never contain a secret.
 *
 * <pre>{@code
 * DeliveryResult r = notifier.send(notification);
 * if (r.isRetryable()) {
 *   retryIn(r.retryAfter().orElse(Duration.ofSeconds(30)));
 * } else if (!r.isDelivered()) {
 *   markUndelivered(r.reason());
 * }
 * }</pre>
 *
 * @param status the outcome
 * @param providerMessageId the id the provider gave the message (e.g. a Twilio {@code SM...} sid),
 *     or {@code null}
 * @param reason why it failed, or a short note on success
 * @param retryAfter how long the provider asked us to wait (HTTP {@code Retry-After}), or {@code null}
 */
public record DeliveryResult(Status status, String providerMessageId, String reason, Duration retryAfter) {

  /** The outcome of a delivery attempt. */
  public enum Status {
    /** The provider accepted the message. */
    DELIVERED,
    /** It failed for a reason that may pass (outage, timeout, rate limit): try again later. */
    RETRYABLE,
    /** The provider refused it for a reason retrying will not fix. */
    REJECTED
  }

  public DeliveryResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    if (status != Status.DELIVERED && reason.isBlank()) {
      throw new IllegalArgumentException("DeliveryResult: a " + status + " result needs a reason");
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("DeliveryResult: retryAfter must not be negative but was " + retryAfter);
    }
  }

  public static DeliveryResult delivered(String providerMessageId) {
    return new DeliveryResult(Status.DELIVERED, providerMessageId, "", null);
  }

  public static DeliveryResult retryable(String reason) {
    return new DeliveryResult(Status.RETRYABLE, null, reason, null);
  }

  public static DeliveryResult retryable(String reason, Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new DeliveryResult(Status.RETRYABLE, null, reason, retryAfter);
  }

  public static DeliveryResult rejected(String reason) {
    return new DeliveryResult(Status.REJECTED, null, reason, null);
  }

  public boolean isDelivered() {
    return status == Status.DELIVERED;
  }

  public boolean isRetryable() {
    return status == Status.RETRYABLE;
  }

  public Optional<String> providerId() {
    return Optional.ofNullable(providerMessageId);
  }

  public Optional<Duration> retryAfterHint() {
    return Optional.ofNullable(retryAfter);
  }
}
