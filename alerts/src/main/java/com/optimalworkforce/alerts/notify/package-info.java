/**
 * Notifiers: SMS through Twilio ({@link com.optimalworkforce.alerts.notify.TwilioSmsNotifier}),
 * email over SMTP ({@link com.optimalworkforce.alerts.notify.SmtpEmailNotifier}), Slack incoming
 * webhooks ({@link com.optimalworkforce.alerts.notify.SlackWebhookNotifier}) and the dashboard feed
 * ({@link com.optimalworkforce.alerts.notify.DashboardNotifier}). They implement the core
 * {@link com.optimalworkforce.core.notify.Notifier} SPI and pass the testkit's
 * {@code NotifierCompatibilityKit}.
 *
 * <pre>{@code
 * AlertEngine.builder(index, clock)
 *     .notifier(TwilioSmsNotifier.create(twilioConfig))
 *     .notifier(SmtpEmailNotifier.create(smtpConfig))
 *     .notifier(DashboardNotifier.create(clock))
 *     .build();
 * }</pre>
 */
package com.optimalworkforce.alerts.notify;
