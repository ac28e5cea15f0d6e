package com.optimalworkforce.alerts.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.notify.Notifier;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.NotifierCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Slack notifier against incoming webhooks on WireMock, through the compatibility kit. */
class SlackWebhookNotifierCompatibilityTest extends NotifierCompatibilityKit {
  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String GOOD = "/services/T0001/B0001/goodgoodgoodgood";
  static final String DOWN = "/services/T0001/B0002/downdowndowndown";
  static final String REVOKED = "/services/T0001/B0003/revokedrevoked";
  static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(10)).maxRetryAfter(Duration.ofMillis(20)).jitter(0).build();
  static final ObjectMapper JSON = new ObjectMapper();

  static Secret url(String path) {
    return Secret.of(WM.baseUrl() + path);
  }

  @BeforeEach
  void stubs() {
    WM.stubFor(post(urlPathEqualTo(GOOD)).willReturn(aResponse().withStatus(200).withBody("ok")));
    WM.stubFor(post(urlPathEqualTo(DOWN)).willReturn(aResponse().withStatus(503).withBody("service_unavailable")));
    WM.stubFor(post(urlPathEqualTo(REVOKED)).willReturn(aResponse().withStatus(403).withBody("invalid_token")));
  }

  private static Notifier slack(String path) {
    return SlackWebhookNotifier.create(SlackWebhookConfig.builder().webhook("east", url(path)).retry(FAST).build());
  }

  @Override
  protected Notifier newNotifier() {
    return slack(GOOD);
  }

  @Override
  protected String recipient() {
    return "east";
  }

  @Override
  protected List<Received> received() {
    return WM.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(GOOD)).map(e -> {
      try {
        return new Received("east", JSON.readTree(e.getRequest().getBodyAsString()).get("text").asText());
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }).toList();
  }

  @Override
  protected Notifier newNotifierForUnavailableService() {
    return slack(DOWN);
  }

  @Override
  protected Optional<Notifier> newNotifierWithRejectedCredentials() {
    return Optional.of(slack(REVOKED));
  }

  @Override
  protected Set<Secret> secrets() {
    return Set.of(url(GOOD), url(DOWN), url(REVOKED));
  }
}
