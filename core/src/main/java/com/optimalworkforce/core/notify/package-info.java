/**
 * The notifier SPI: how an alert reaches a person (SMS, email, Slack, a dashboard feed, or a
 * channel the host plugs in). Implementations live in the alerts module; the SPI lives in core so
 * that the testkit's {@code NotifierCompatibilityKit} can test any notifier without depending on
 * the alerts module.
 *
 * <pre>{@code
 * Notifier notifier = ...;                     // e.g. TwilioSmsNotifier.create(config)
 * DeliveryResult result = notifier.send(Notification.builder(Channel.SMS, "+14165550100")
 *     .subject("Unfilled shift").text("Friday 2 PM shift unfilled - Sarah has 85% match").build());
 * if (result.isRetryable()) { ... try again later ... }
 * }</pre>
 */
package com.optimalworkforce.core.notify;
