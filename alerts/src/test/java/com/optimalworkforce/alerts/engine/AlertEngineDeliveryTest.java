package com.optimalworkforce.alerts.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.optimalworkforce.alerts.Fixtures;
import com.optimalworkforce.alerts.notify.DashboardNotifier;
import com.optimalworkforce.alerts.notify.SmtpEmailConfig;
import com.optimalworkforce.alerts.notify.SmtpEmailNotifier;
import com.optimalworkforce.alerts.notify.TwilioSmsConfig;
import com.optimalworkforce.alerts.notify.TwilioSmsNotifier;
import com.optimalworkforce.alerts.routing.AlertRouting;
import com.optimalworkforce.alerts.routing.Recipient;
import com.optimalworkforce.alerts.routing.Route;
import com.optimalworkforce.alerts.rules.Severity;
import com.optimalworkforce.alerts.rules.UnfilledShiftRule;
import com.optimalworkforce.alerts.store.AlertQuery;
import com.optimalworkforce.alerts.store.AlertRecord;
import com.optimalworkforce.alerts.store.Delivery;
import com.optimalworkforce.alerts.view.ScheduleIndex;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.security.AuditLog;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.BehaviourProfiles;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine with the real notifiers: Twilio on WireMock, SMTP on GreenMail, the dashboard. */
class AlertEngineDeliveryTest {
  @RegisterExtension
  static final WireMockExtension TWILIO = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
      .build();

  @RegisterExtension
  static final GreenMailExtension MAIL = mail();

  static final String SID = "AC" + "0123456789abcdef".repeat(2);
  static final String PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";
  static final SyntheticAgency AGENCY = Fixtures.smallAgency();
  static final BehaviourProfiles P = AGENCY.profiles().orElseThrow();
  static final RetryPolicy ONE_TRY = RetryPolicy.builder().maxAttempts(1).build();

  final MutableClock clock = MutableClock.at(AGENCY.now().plus(Duration.ofMinutes(90))); // 11:30, Friday 2 PM is URGENT
  final ScheduleIndex index = Fixtures.index(AGENCY, clock);
  final AuditLog audit = AuditLog.inMemory(clock);
  // One delivery thread: WireMock scenarios move state per request, not atomically across threads.
  final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  AlertEngine engine;

  static GreenMailExtension mail() {
    ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
    smtp.setServerStartupTimeout(20_000);
    return new GreenMailExtension(smtp).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
        .withPerMethodLifecycle(false);
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    executor.shutdownNow();
  }

  private AlertEngine engine(RetryPolicy deliveryRetry) {
    Recipient east = Recipient.builder("east-schedulers").sms("+14165550100").email("east@agency.example").build();
    return AlertEngine.builder(index, clock)
        .rule(UnfilledShiftRule.ofDefaults())
        .routing(AlertRouting.builder().route(Route.builder().region("toronto-east").to(east).build()).build())
        .notifier(TwilioSmsNotifier.create(TwilioSmsConfig.builder().accountSid(SID).authToken(Secret.of("tok-1a2b3c4d"))
            .from("+14165550199").baseUrl(TWILIO.baseUrl()).retry(ONE_TRY).build()))
        .notifier(SmtpEmailNotifier.create(SmtpEmailConfig.builder().host("127.0.0.1").port(MAIL.getSmtp().getPort())
            .security(SmtpEmailConfig.Security.NONE).from("alerts@agency.example").build()))
        .notifier(DashboardNotifier.create(clock))
        .auditLog(audit).deliveryRetry(deliveryRetry).executor(executor)
        .build();
  }

  private AlertRecord friday() {
    return engine.feed(AlertQuery.builder().region("toronto-east").minSeverity(Severity.URGENT).build()).stream()
        .filter(r -> P.openFridayAfternoonVisit().equals(r.alert().shiftId())).findFirst().orElseThrow();
  }

  @Test
  void aTwilioOutageIsRiddenOutAndTheSmsGoesOutOnce() throws Exception {
    TWILIO.stubFor(post(urlPathEqualTo(PATH)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
    TWILIO.stubFor(post(urlPathEqualTo(PATH)).inScenario("outage").whenScenarioStateIs("still down")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    TWILIO.stubFor(post(urlPathEqualTo(PATH)).inScenario("outage").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SM42\"}")));
    engine = engine(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(40)).jitter(0).build());
    engine.evaluate();
    assertThat(engine.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
    // Two 503s spread over the URGENT alerts' SMS: every one delivered, each sent once it got through.
    List<AlertRecord> urgentRecords = engine.feed(AlertQuery.builder().minSeverity(Severity.URGENT)
        .region("toronto-east").build());
    List<Delivery> sms = urgentRecords.stream().flatMap(r -> r.deliveries().stream()).toList();
    assertThat(sms).isNotEmpty().allSatisfy(d -> {
      assertThat(d.channel()).isEqualTo(Channel.SMS);
      assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
      assertThat(d.providerMessageId()).isEqualTo("SM42");
    });
    assertThat(sms.stream().mapToInt(Delivery::attempts).sum()).isEqualTo(sms.size() + 2);
    AlertRecord friday = friday();
    assertThat(audit.entries()).filteredOn(e -> e.details().get("alert").equals(friday.id())).singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("channel", "sms")
            .containsEntry("attempts", Integer.toString(friday.deliveries().get(0).attempts()))
            .containsEntry("shift", P.openFridayAfternoonVisit()));
    // Only URGENT alerts go by SMS; the rest went by email to GreenMail.
    long urgent = engine.feed(AlertQuery.builder().minSeverity(Severity.URGENT).region("toronto-east").build()).size();
    TWILIO.verify((int) (urgent + 2), postRequestedFor(urlPathEqualTo(PATH)));
    long emailed = engine.feed(AlertQuery.builder().region("toronto-east").build()).stream()
        .filter(r -> r.alert().severity() != Severity.URGENT).count();
    assertThat(MAIL.getReceivedMessages()).hasSizeGreaterThanOrEqualTo((int) emailed);
  }

  @Test
  void anOutageThatOutlastsTheRetriesMarksTheAlertUndelivered() throws Exception {
    TWILIO.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)
        .withBody("{\"code\": 20503, \"message\": \"Service Unavailable\"}")));
    engine = engine(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(10)).jitter(0).build());
    engine.evaluate();
    assertThat(engine.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
    AlertRecord friday = friday();
    assertThat(friday.deliveryState()).isEqualTo(AlertRecord.DeliveryState.UNDELIVERED);
    assertThat(friday.undeliveredReason()).hasValueSatisfying(r -> assertThat(r)
        .startsWith("sms to east-schedulers: gave up after 2 attempts: Twilio answered 503 (code 20503): "
            + "Service Unavailable"));
    assertThat(friday.alert().message()).startsWith("Friday 2 PM shift with");
  }
}
