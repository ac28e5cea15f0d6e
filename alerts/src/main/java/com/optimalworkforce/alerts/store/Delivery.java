package com.optimalworkforce.alerts.store;

import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.core.notify.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification of an alert to one recipient on one channel, and where its delivery stands.
 *
 * <pre>{@code
 * for (Delivery d : record.deliveries()) {
 *   if (d.status() == Delivery.Status.FAILED) { showWarning(d.recipientId(), d.channel(), d.reason()); }
 * }
 * }</pre>
 *
 * @param notificationId the notification's id (stable across retries)
 * @param recipientId who it is for
 * @param channel how it goes out
 * @param severity the alert's severity when it was sent (an escalation sends again)
 * @param status where it stands
 * @param attempts how many times it was tried
 * @param lastAttemptAt when it was last tried, or {@code null}
 * @param providerMessageId the provider's id once delivered, or {@code null}
 * @param reason why it failed, or the last transient failure while it is retried; {@code ""} if none
 */
public record Delivery(
    String notificationId,
    String recipientId,
    Channel channel,
    Severity severity,
    Status status,
    int attempts,
    Instant lastAttemptAt,
    String providerMessageId,
    String reason) {

  /** Where a delivery stands. */
  public enum Status {
    /** Queued or being retried. */
    PENDING,
    /** The provider accepted it. */
    DELIVERED,
    /** Rejected, or retries ran out: the reason says why. */
    FAILED
  }

  public Delivery {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(recipientId, "recipientId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : reason;
  }

  /** A delivery not yet tried. */
  public static Delivery pending(String notificationId, String recipientId, Channel channel, Severity severity) {
    return new Delivery(notificationId, recipientId, channel, severity, Status.PENDING, 0, null, null, "");
  }

  public Delivery attempted(Instant at, Status status, String providerMessageId, String reason) {
    return new Delivery(notificationId, recipientId, channel, severity, status, attempts + 1, at, providerMessageId,
        reason);
  }
}
