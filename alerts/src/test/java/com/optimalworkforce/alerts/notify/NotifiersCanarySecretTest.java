package com.optimalworkforce.alerts.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.engine.AlertEngine;
import com.optimalworkforce.alerts.engine.EvaluationReport;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.UnfilledShiftRule;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.store.Delivery;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.CanaryScan;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passes canary secrets through the built-in notifiers: the Twilio auth token, a Slack webhook URL
 * (the URL is the secret) and an SMTP password, on deliveries that succeed and deliveries that
 * fail (wrong credentials, outages, refusals whose bodies echo the credentials, a server that is
 * down), both called directly and driven by an {@link AlertEngine} that records deliveries and
 * audits them. A {@link CanaryScan} captures the SDK's log output at TRACE (see
 * {@code simplelogger.properties}), every exception's whole stack trace and the {@code toString()}
 * of every object touched: configs, notifiers, results, alert records, deliveries, audit entries.
 */
class NotifiersCanarySecretTest {
  private static final String TWILIO_CANARY = "CANARYTWILIO-0c7d1e93ab";
  private static final String SLACK_CANARY = "CANARYSLACK-f1e2d3c4b5a6";
  private static final String SMTP_CANARY = "CANARYSMTP-9a8b7c6d5e4f";
  private static final String SMTP_USER = "alerts";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final GreenMailExtension MAIL = mail();

  private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(20)).maxRetryAfter(Duration.ofMillis(50)).jitter(0).build();
  private static final String SLACK_PATH = "/services/T0001/B0001/" + SLACK_CANARY;
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((Twilio.SID + ":" + TWILIO_CANARY)
      .getBytes(StandardCharsets.UTF_8));

  private CanaryScan scan;

  static GreenMailExtension mail() {
    ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
    smtp.setServerStartupTimeout(20_000);
    return new GreenMailExtension(smtp)
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@agency.example", SMTP_USER, SMTP_CANARY))
        .withPerMethodLifecycle(false);
  }

  @BeforeEach
  void startScan() {
    WM.resetAll();
    scan = CanaryScan.start(TWILIO_CANARY, SLACK_CANARY, SMTP_CANARY);
  }

  @AfterEach
  void stopScan() {
    scan.close();
  }

  private static TwilioSmsNotifier twilio(String token) {
    return TwilioSmsNotifier.create(TwilioSmsConfig.builder().accountSid(Twilio.SID).authToken(Secret.of(token))
        .from(Twilio.FROM).baseUrl(WM.baseUrl()).retry(FAST).timeout(Duration.ofSeconds(5)).build());
  }

  private static SlackWebhookNotifier slack(String baseUrl) {
    return SlackWebhookNotifier.create(SlackWebhookConfig.builder().webhook("east", Secret.of(baseUrl + SLACK_PATH))
        .retry(FAST).build());
  }

  private static SmtpEmailNotifier smtp(String password, int port) {
    return SmtpEmailNotifier.create(SmtpEmailConfig.builder().host("127.0.0.1").port(port)
        .security(SmtpEmailConfig.Security.NONE).login(SMTP_USER, Secret.of(password))
        .from("alerts@agency.example", "Scheduling alerts").timeout(Duration.ofSeconds(5)).build());
  }

  /** Sends and records the notifier, the notification and the result. */
  private DeliveryResult send(Notifier notifier, Notification n) {
    DeliveryResult result = notifier.send(n);
    scan.seen(notifier, n, result, result.reason());
    return result;
  }

  /** A failed delivery whose reason quotes what the provider said, with the echoed credential masked. */
  private DeliveryResult quoted(Notifier notifier, Notification n, DeliveryResult.Status status) {
    DeliveryResult result = send(notifier, n);
    assertThat(result.status()).as(result.reason()).isEqualTo(status);
    assertThat(result.reason()).as("the provider's words are quoted, masked").contains("[redacted]");
    return result;
  }

  @Test
  void notifiersCalledDirectly() {
    Notification sms = Notification.builder(Channel.SMS, "+14165550100").text("Friday 2 PM shift unfilled").build();
    Notification slackMessage = Notification.builder(Channel.SLACK, "east").subject("URGENT: Unfilled shift")
        .text("Friday 2 PM shift unfilled").build();
    Notification email = Notification.builder(Channel.EMAIL, "east@agency.example").subject("Unfilled shift")
        .text("Friday 2 PM shift unfilled").build();
    String twilioPath = Twilio.path(Twilio.SID);

    // Twilio: delivered; the wrong token refused with bodies that echo the credentials; an outage.
    WM.stubFor(post(urlPathEqualTo(twilioPath)).atPriority(1).withBasicAuth(Twilio.SID, TWILIO_CANARY)
        .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SM42\"}")));
    WM.stubFor(post(urlPathEqualTo(twilioPath)).atPriority(5).willReturn(aResponse().withStatus(401)
        .withBody("{\"code\": 20003, \"message\": \"Authenticate: Authorization: " + BASIC + " (auth_token="
            + TWILIO_CANARY + "-old)\"}")));
    assertThat(send(twilio(TWILIO_CANARY), sms).isDelivered()).isTrue();
    quoted(twilio(TWILIO_CANARY + "-old"), sms, DeliveryResult.Status.REJECTED);
    WM.stubFor(post(urlPathEqualTo(twilioPath)).atPriority(1).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\": 21211, \"message\": \"Invalid 'To' for token " + TWILIO_CANARY + "\"}")));
    quoted(twilio(TWILIO_CANARY), sms, DeliveryResult.Status.REJECTED);
    WM.stubFor(post(urlPathEqualTo(twilioPath)).atPriority(1).willReturn(aResponse().withStatus(503)
        .withBody("{\"code\": 20503, \"message\": \"Service Unavailable for " + BASIC + "\"}")));
    quoted(twilio(TWILIO_CANARY), sms, DeliveryResult.Status.RETRYABLE);
    scan.seen(TwilioSmsConfig.builder().accountSid(Twilio.SID).authToken(Secret.of(TWILIO_CANARY)).from(Twilio.FROM)
        .build());

    // Slack: delivered; revoked, archived and failing webhooks whose answers quote the URL.
    WM.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    assertThat(send(slack(WM.baseUrl()), slackMessage).isDelivered()).isTrue();
    WM.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(403)
        .withBody("invalid_token for " + WM.baseUrl() + SLACK_PATH)));
    quoted(slack(WM.baseUrl()), slackMessage, DeliveryResult.Status.REJECTED);
    WM.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(400)
        .withBody("invalid_payload posted to " + SLACK_PATH)));
    quoted(slack(WM.baseUrl()), slackMessage, DeliveryResult.Status.REJECTED);
    WM.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(500)
        .withBody("<html><title>500 at " + SLACK_PATH + "</title></html>")));
    quoted(slack(WM.baseUrl()), slackMessage, DeliveryResult.Status.RETRYABLE);
    scan.seen(send(slack("http://127.0.0.1:" + Mail.closedPort()), slackMessage));
    scan.seen(send(slack(WM.baseUrl()), Notification.builder(Channel.SLACK, "west").text("hi").build()));
    scan.thrown(() -> SlackWebhookConfig.builder().webhook("east", Secret.of("http://hooks.slack.example" + SLACK_PATH)));
    scan.thrown(() -> SlackWebhookConfig.builder().webhook("east", Secret.of("https://hooks slack" + SLACK_PATH)));
    scan.seen(SlackWebhookConfig.builder().webhook("east", Secret.of("https://hooks.slack.com" + SLACK_PATH)).build());

    // SMTP: delivered with the password; a wrong password; a server that is down; a bad address.
    assertThat(send(smtp(SMTP_CANARY, MAIL.getSmtp().getPort()), email).isDelivered()).isTrue();
    assertThat(send(smtp(SMTP_CANARY + "-old", MAIL.getSmtp().getPort()), email).status())
        .isEqualTo(DeliveryResult.Status.REJECTED);
    assertThat(send(smtp(SMTP_CANARY, Mail.closedPort()), email).status()).isEqualTo(DeliveryResult.Status.RETRYABLE);
    scan.seen(send(smtp(SMTP_CANARY, MAIL.getSmtp().getPort()),
        Notification.builder(Channel.EMAIL, "not an address").text("hi").build()));

    scan.assertNoCanary("Twilio answered 201", "Slack answered 403", "SMTP server 127.0.0.1 accepted", "retrying in");
  }

  @Test
  void deliveriesDrivenByTheAlertEngine() throws Exception {
    SyntheticAgency agency = Fixtures.smallAgency();
    MutableClock clock = MutableClock.at(agency.now().plus(Duration.ofMinutes(90)));
    AuditLog audit = AuditLog.inMemory(clock);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    // Twilio refuses the token (with a body quoting it), Slack fails with its URL in the page,
    // SMTP delivers: each alert's deliveries end DELIVERED or FAILED, and are audited.
    WM.stubFor(post(urlPathEqualTo(Twilio.path(Twilio.SID))).willReturn(aResponse().withStatus(401)
        .withBody("{\"code\": 20003, \"message\": \"Authenticate " + BASIC + "\"}")));
    WM.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(503)
        .withBody("unavailable: " + WM.baseUrl() + SLACK_PATH)));
    Recipient east = Recipient.builder("east-schedulers").sms("+14165550100").email("east@agency.example")
        .slack("east").build();
    AlertRouting routing = AlertRouting.builder()
        .channels(Severity.URGENT, Channel.SMS, Channel.SLACK, Channel.EMAIL)
        .channels(Severity.WARNING, Channel.SLACK, Channel.EMAIL)
        .channels(Severity.INFO, Channel.EMAIL, Channel.DASHBOARD)
        .route(Route.builder().region("toronto-east").to(east).build()).build();
    try (AlertEngine engine = AlertEngine.builder(Fixtures.index(agency, clock), clock)
        .rule(UnfilledShiftRule.ofDefaults()).routing(routing)
        .notifier(twilio(TWILIO_CANARY))
        .notifier(slack(WM.baseUrl()))
        .notifier(smtp(SMTP_CANARY, MAIL.getSmtp().getPort()))
        .notifier(DashboardNotifier.create(clock))
        .auditLog(audit).deliveryRetry(FAST).executor(executor).build()) {
      EvaluationReport report = engine.evaluate();
      assertThat(engine.awaitDeliveries(Duration.ofSeconds(30))).isTrue();
      List<AlertRecord> records = engine.feed(AlertQuery.builder().build());
      List<Delivery> deliveries = records.stream().flatMap(r -> r.deliveries().stream()).toList();
      assertThat(deliveries).extracting(Delivery::status).contains(Delivery.Status.DELIVERED, Delivery.Status.FAILED);
      assertThat(deliveries).filteredOn(d -> d.channel() == Channel.SMS).isNotEmpty()
          .allSatisfy(d -> assertThat(d.reason()).contains("[redacted]"));
      scan.seen(engine, report, routing, east, records, deliveries, audit.entries(), audit,
          records.stream().map(r -> r.undeliveredReason().orElse("")).toList());
    } finally {
      executor.shutdownNow();
    }

    scan.assertNoCanary("Twilio answered 401", "Slack answered 503", "SMTP server 127.0.0.1 accepted");
  }
}
