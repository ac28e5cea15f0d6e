package com.optimalworkforce.alerts.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.optimalworkforce.core.notify.Channel;
import com.optimalworkforce.core.notify.DeliveryResult;
import com.optimalworkforce.core.notify.Notification;
import com.optimalworkforce.core.security.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackWebhookNotifierTest {
  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PATH = "/services/T0001/B0001/abcdefabcdef";

  private SlackWebhookNotifier slack() {
    return SlackWebhookNotifier.create(SlackWebhookConfig.builder().webhook("east", Secret.of(WM.baseUrl() + PATH))
        .retry(SlackWebhookNotifierCompatibilityTest.FAST).build());
  }

  @Test
  void postsTheTextAsJsonWithABoldHeadlineAndEscapedControlCharacters() {
    WM.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    DeliveryResult result = slack().send(Notification.builder(Channel.SLACK, "east").subject("URGENT: Unfilled shift")
        .text("Friday 2 PM shift unfilled - Sarah & Lisa <available>").build());
    assertThat(result.isDelivered()).isTrue();
    WM.verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Content-Type", matching("application/json.*"))
        .withRequestBody(equalToJson("{\"text\": \"*URGENT: Unfilled shift*\\nFriday 2 PM shift unfilled - "
            + "Sarah &amp; Lisa &lt;available&gt;\"}")));
  }

  @Test
  void rateLimitingIsRetryableWithSlacksRetryAfter() {
    WM.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")
        .withBody("rate_limited")));
    DeliveryResult result = slack().send(Notification.builder(Channel.SLACK, "east").text("hi").build());
    assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRYABLE);
    assertThat(result.retryAfterHint()).hasValue(Duration.ofSeconds(12));
    assertThat(result.reason()).doesNotContain(PATH);
  }

  @Test
  void anArchivedChannelOrAnUnknownWebhookIsRejectedWithoutShowingTheUrl() {
    WM.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(410).withBody("channel_is_archived")));
    DeliveryResult archived = slack().send(Notification.builder(Channel.SLACK, "east").text("hi").build());
    assertThat(archived.status()).isEqualTo(DeliveryResult.Status.REJECTED);
    assertThat(archived.reason()).contains("410 channel_is_archived").contains("webhook 'east'")
        .doesNotContain(PATH);
    DeliveryResult unknown = slack().send(Notification.builder(Channel.SLACK, "west").text("hi").build());
    assertThat(unknown.reason()).startsWith("No Slack webhook named 'west' is configured");
  }

  @Test
  void webhooksMustBeHttpsAndAreNeverShown() {
    assertThatThrownBy(() -> SlackWebhookConfig.builder().webhook("east",
        Secret.of("http://hooks.slack.example/services/T/B/secretpart")))
        .hasMessageContaining("must be an https:// URL").hasMessageNotContaining("secretpart");
    assertThatThrownBy(() -> SlackWebhookConfig.builder().build()).hasMessageContaining("no webhook configured");
    assertThat(slack().toString()).contains("east").doesNotContain(PATH);
  }
}
