package com.optimalworkforce.alerts.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.security.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwilioSmsNotifierTest {
  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final TwilioSmsNotifier sms = TwilioSmsNotifier.create(Twilio.config(WM, Twilio.SID, Twilio.TOKEN).build());

  @BeforeEach
  void stubs() {
    WM.resetAll();
  }

  private static Notification to(String number, String text) {
    return Notification.builder(Channel.SMS, number).text(text).build();
  }

  @Test
  void postsTheFormToTheAccountsMessagesResourceWithBasicAuth() {
    Twilio.stub(WM);
    DeliveryResult result = sms.send(to("+14165550100", "Friday 2 PM shift unfilled - Sarah has 85% match"));
    assertThat(result.isDelivered()).isTrue();
    assertThat(result.providerId()).hasValue("SM" + "a1b2c3d4".repeat(4));
    String basic = Base64.getEncoder().encodeToString((Twilio.SID + ":" + Twilio.TOKEN.reveal())
        .getBytes(StandardCharsets.UTF_8));
    WM.verify(1, postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + Twilio.SID + "/Messages.json"))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*")));
    Map<String, String> form = Twilio.form(WM.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(form).containsExactlyInAnyOrderEntriesOf(Map.of("To", "+14165550100", "From", Twilio.FROM,
        "Body", "Friday 2 PM shift unfilled - Sarah has 85% match"));
  }

  @Test
  void anInvalidNumberIsRejectedWithTwiliosCodeAndMessage() {
    WM.stubFor(post(urlPathEqualTo(Twilio.path(Twilio.SID))).willReturn(aResponse().withStatus(400).withBody(
        "{\"code\": 21211, \"message\": \"The 'To' number +1555 is not a valid phone number.\", \"status\": 400}")));
    DeliveryResult result = sms.send(to("+1555", "hello"));
    assertThat(result.status()).isEqualTo(DeliveryResult.Status.REJECTED);
    assertThat(result.reason()).isEqualTo(
        "Twilio refused the message (400) (code 21211): The 'To' number +1555 is not a valid phone number.");
    WM.verify(1, postRequestedFor(urlPathEqualTo(Twilio.path(Twilio.SID))));
  }

  @Test
  void aBriefOutageIsRetriedWithinTheSend() {
    WM.stubFor(post(urlPathEqualTo(Twilio.path(Twilio.SID))).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    WM.stubFor(post(urlPathEqualTo(Twilio.path(Twilio.SID))).inScenario("blip").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SM1\"}")));
    assertThat(sms.send(to("+14165550100", "hello")).providerId()).hasValue("SM1");
    WM.verify(2, postRequestedFor(urlPathEqualTo(Twilio.path(Twilio.SID))));
  }

  @Test
  void rateLimitingIsRetryableWithTwiliosRetryAfter() {
    WM.stubFor(post(urlPathEqualTo(Twilio.path(Twilio.SID))).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "30").withBody("{\"code\": 20429, \"message\": \"Too Many Requests\"}")));
    DeliveryResult result = sms.send(to("+14165550100", "hello"));
    assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRYABLE);
    assertThat(result.retryAfterHint()).hasValue(Duration.ofSeconds(30));
    assertThat(result.reason()).startsWith("Twilio answered 429 (code 20429): Too Many Requests");
    WM.verify(3, postRequestedFor(urlPathEqualTo(Twilio.path(Twilio.SID))));
  }

  @Test
  void aTimeoutIsRetryableButNotRepeatedSinceTheMessageMayHaveGone() {
    WM.stubFor(post(urlPathEqualTo(Twilio.path(Twilio.SID))).willReturn(aResponse().withStatus(201)
        .withFixedDelay(1_500)));
    TwilioSmsNotifier slow = TwilioSmsNotifier.create(Twilio.config(WM, Twilio.SID, Twilio.TOKEN)
        .timeout(Duration.ofMillis(300)).build());
    DeliveryResult result = slow.send(to("+14165550100", "hello"));
    assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRYABLE);
    assertThat(result.reason()).contains("did not answer within");
    WM.verify(1, postRequestedFor(urlPathEqualTo(Twilio.path(Twilio.SID))));
  }

  @Test
  void longTextsAreShortenedToTwiliosLimit() {
    Twilio.stub(WM);
    assertThat(sms.send(to("+14165550100", "x".repeat(2_000))).isDelivered()).isTrue();
    String body = Twilio.form(WM.getAllServeEvents().get(0).getRequest().getBodyAsString()).get("Body");
    assertThat(body).hasSize(1_600).endsWith("…");
  }

  @Test
  void badConfigurationFailsWithTheValueButNeverTheToken() {
    assertThatThrownBy(() -> TwilioSmsConfig.builder().accountSid("AC123"))
        .hasMessageContaining("Twilio account SID 'AC123' is not valid");
    assertThatThrownBy(() -> TwilioSmsConfig.builder().from("416-555-0199"))
        .hasMessageContaining("'416-555-0199' is not valid");
    assertThatThrownBy(() -> TwilioSmsConfig.builder().accountSid(Twilio.SID).from(Twilio.FROM).build())
        .hasMessageContaining("the auth token is required");
    assertThatThrownBy(() -> TwilioSmsConfig.builder().accountSid(Twilio.SID).authToken(Twilio.TOKEN)
        .from(Twilio.FROM).baseUrl("http://api.twilio.example").build())
        .hasMessageContaining("The TLS policy refuses http://api.twilio.example");
    assertThat(sms.toString()).contains(Twilio.SID).doesNotContain(Twilio.TOKEN.reveal());
    assertThat(Secret.of("x").toString()).isEqualTo("Secret[redacted]");
  }
}
