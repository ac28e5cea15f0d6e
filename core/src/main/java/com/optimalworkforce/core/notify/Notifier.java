package com.optimalworkforce.core.notify;

/**
 * Delivers notifications on one channel (SPI). The SDK ships SMS (Twilio), email (SMTP), Slack
 * and dashboard notifiers in the alerts module; a host plugs in its own by implementing this and
 * checking it with the testkit's {@code NotifierCompatibilityKit}.
 *
 * <pre>{@code
 * final class TeamsNotifier implements Notifier {
 *   public Channel channel() { return Channel.of("teams"); }
 *   public DeliveryResult send(Notification n) {
 *     int status = post(n.recipient(), n.text());
 *     return status < 300 ? DeliveryResult.delivered(null) : DeliveryResult.retryable("Teams answered " + status);
 *   }
 * }
 * }</pre>
 *
 * <p>Contract: {@link #send} is thread-safe, delivers the message at most once per call, and
 * reports failures as a {@link DeliveryResult} rather than throwing ({@link DeliveryResult.Status#RETRYABLE}
 * for outages, timeouts and rate limits; {@link DeliveryResult.Status#REJECTED} for what retrying
 * will not fix). It returns within a bounded time. Neither results, exceptions nor
 * {@link #toString()} contain a secret, and recipients and texts are never logged at INFO or above.
 */
public interface Notifier extends AutoCloseable {

  /** The channel this notifier delivers on. */
  Channel channel();

  /**
   * Delivers one notification.
   *
   * @throws NullPointerException if {@code notification} is null
   */
  DeliveryResult send(Notification notification);

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
