package com.optimalworkforce.connectors.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error shape Home Connect is known to answer with is classified with a message a person can
 * act on: token refusals, the gateway's 403 for an unknown route, a licence refusal, 422 text, an
 * HTML 500, persistent 429 and 503, a token refused by the API, and an unreadable body.
 */
class HomeConnectErrorsTest {
  static final WireMockServer WIREMOCK = LoopbackWireMock.start();
  static final String GATEWAY = "{\"message\":\"Invalid key=value pair (missing equal-sign) in Authorization header"
      + " (hashed with SHA-256 and encoded with Base64): 'abc='.\"}";
  static final String TOKEN = "{\"token_type\":\"BearerToken\",\"access_token\":\"t-1\",\"expires_in\":\"3599\","
      + "\"refresh_token_expires_in\":\"0\",\"issued_at\":1700000000000,\"scope\":\"\",\"status\":\"approved\"}";

  @AfterAll
  static void stop() {
    WIREMOCK.stop();
  }

  @BeforeEach
  void reset() {
    WIREMOCK.resetAll();
  }

  static ConnectionCheck check() {
    try (WellSkyConnector connector = WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .baseUrl(URI.create(WIREMOCK.baseUrl() + "/v1/")).clientId("client").clientSecret(Secret.of("s3cr3t-value"))
        .rateLimit(RateLimitPolicy.unlimited())
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(10)).build())
        .build())) {
      return connector.testConnection();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "token refused with {error}      | 401 | application/json | {\"error\":\"invalid_client\"} | 200 | application/json | {} "
          + "| INVALID_CREDENTIALS | rejected the client id and secret",
      "gateway 403 for an unknown route | 200 | application/json | TOKEN | 403 | application/json | GATEWAY "
          + "| UNEXPECTED_RESPONSE | did not recognise POST locations/_search",
      "agency not licensed             | 200 | application/json | TOKEN | 403 | application/json | {\"error\":\"Not licensed\"} "
          + "| ACCESS_DENIED | licensed per agency",
      "422 with text                   | 200 | application/json | TOKEN | 422 | text/plain | _count must be between 1 and 100 "
          + "| UNEXPECTED_RESPONSE | as invalid (422 \"_count must be between 1 and 100\")",
      "HTML 500                        | 200 | application/json | TOKEN | 500 | text/html "
          + "| <html><head><title>500 Internal Server Error</title></head><body>oops</body></html> "
          + "| UNEXPECTED_RESPONSE | an HTML error page (\"500 Internal Server Error\")",
      "gateway 503 after retries       | 200 | application/json | TOKEN | 503 | application/json "
          + "| {\"message\":\"Service Unavailable\"} | UNEXPECTED_RESPONSE | Service Unavailable",
      "429 after retries               | 200 | application/json | TOKEN | 429 | application/json "
          + "| {\"message\":\"Too Many Requests\"} | RATE_LIMITED | 429",
      "token refused by the API        | 200 | application/json | TOKEN | 401 | application/json "
          + "| {\"error\":\"Access token expired\"} | INVALID_CREDENTIALS | Access token expired",
      "unreadable body                 | 200 | application/json | TOKEN | 200 | application/json "
          + "| {\"resourceType\":\"Bundle\",\"entry\":[ | UNEXPECTED_RESPONSE | could not be read",
  })
  void classifies(String name, int tokenStatus, String tokenType, String tokenBody, int apiStatus, String apiType,
      String apiBody, ConnectionFailure failure, String says) {
    WIREMOCK.stubFor(post(urlPathEqualTo("/oauth/accesstoken")).willReturn(aResponse().withStatus(tokenStatus)
        .withHeader("Content-Type", tokenType).withBody(tokenBody.equals("TOKEN") ? TOKEN : tokenBody)));
    WIREMOCK.stubFor(post(urlPathEqualTo("/v1/locations/_search")).willReturn(aResponse().withStatus(apiStatus)
        .withHeader("Content-Type", apiType).withBody(apiBody.equals("GATEWAY") ? GATEWAY : apiBody)));
    ConnectionCheck check = check();
    assertThat(check.failure()).as(check.message()).isEqualTo(failure);
    assertThat(check.message()).startsWith(failure.label() + ": ").contains(says).doesNotContain("s3cr3t-value");
    if (apiStatus == 401) {
      // One refresh after the refusal, then the refusal is final.
      WIREMOCK.verify(2, postRequestedFor(urlPathEqualTo("/oauth/accesstoken")));
    }
  }
}
