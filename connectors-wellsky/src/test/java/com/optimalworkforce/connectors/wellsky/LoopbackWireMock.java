package com.optimalworkforce.connectors.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.time.Duration;

/**
 * WireMock servers that play a WellSky server where the simulators cannot fail the way a test
 * needs: bound to loopback on a free port, with a FHIR R4 token endpoint and connector settings
 * that retry quickly.
 */
final class LoopbackWireMock {
  /** Where {@link #stubFhirToken} answers, relative to the server's base URL. */
  static final String FHIR_TOKEN_PATH = "/connect/token";

  private LoopbackWireMock() {}

  /** A started WireMock server on 127.0.0.1 and a free port; the caller stops it. */
  static WireMockServer start() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return server;
  }

  /** The server's {@value #FHIR_TOKEN_PATH} grants token {@code t-1} for 30 minutes. */
  static void stubFhirToken(WireMockServer server) {
    server.stubFor(post(urlPathEqualTo(FHIR_TOKEN_PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":1800}")));
  }

  /**
   * A fhir-r4 connector for the server's {@code /fhir} base and {@value #FHIR_TOKEN_PATH}: no rate
   * limit and {@code attempts} tries per call, 10 ms apart at first.
   */
  static WellSkyConnectorConfig.Builder fhirConfig(WireMockServer server, int attempts) {
    return WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
        .baseUrl(URI.create(server.baseUrl() + "/fhir")).tokenUrl(URI.create(server.baseUrl() + FHIR_TOKEN_PATH))
        .clientId("client").clientSecret(Secret.of("s3cr3t-value")).rateLimit(RateLimitPolicy.unlimited())
        .retryPolicy(RetryPolicy.builder().maxAttempts(attempts).initialBackoff(Duration.ofMillis(10)).build());
  }
}
