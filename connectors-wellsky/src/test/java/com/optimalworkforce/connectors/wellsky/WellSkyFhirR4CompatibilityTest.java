package com.optimalworkforce.connectors.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.optimalworkforce.connectors.wellsky.testing.FhirTestServer;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.testkit.ConnectorCompatibilityKit;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyTokenSimulator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fhir-r4 dialect passes the compatibility kit against a real HAPI FHIR server; the timeout
 * case uses a WireMock server that answers too slowly.
 */
class WellSkyFhirR4CompatibilityTest extends ConnectorCompatibilityKit {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(3).regions(3).clients(72).caregivers(36)
      .weeksOfHistory(3).weeksAhead(1).build();
  static final WellSkyTokenSimulator TOKENS = WellSkyTokenSimulator.start(AGENCY.clock(), "fhir-client", AGENCY.apiKey(),
      Duration.ofHours(1));
  static final FhirTestServer FHIR = new FhirTestServer(AGENCY, AGENCY.clock(), TOKENS);
  @RegisterExtension
  static final RestfulServerExtension SERVER = FHIR.extension();
  static final WireMockServer SLOW = slowServer();

  @AfterAll
  static void stop() {
    TOKENS.close();
    SLOW.stop();
  }

  static WireMockServer slowServer() {
    WireMockServer s = LoopbackWireMock.start();
    s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\"}")));
    return s;
  }

  static WellSkyConnectorConfig.Builder config(String baseUrl, String clientId, Secret secret) {
    return WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
        .baseUrl(URI.create(baseUrl))
        .tokenUrl(URI.create(TOKENS.tokenUrl()))
        .clientId(clientId)
        .clientSecret(secret)
        .clock(AGENCY.clock())
        .rateLimit(RateLimitPolicy.unlimited());
  }

  @Override
  protected SyntheticAgency agency() {
    return AGENCY;
  }

  @Override
  protected Connector newConnector() {
    return WellSkyConnector.create(config(SERVER.getBaseUrl(), TOKENS.clientId(), AGENCY.apiKey()).build());
  }

  @Override
  protected Connector newConnectorWithWrongCredentials() {
    return WellSkyConnector.create(config(SERVER.getBaseUrl(), TOKENS.clientId(), Secret.of("not-the-secret")).build());
  }

  @Override
  protected Connector newConnectorWithoutAccess() {
    return WellSkyConnector.create(config(SERVER.getBaseUrl(), TOKENS.unlicensedClientId(), AGENCY.apiKey()).build());
  }

  @Override
  protected Connector newConnectorThatTimesOut() {
    return WellSkyConnector.create(config(SLOW.baseUrl(), TOKENS.clientId(), AGENCY.apiKey())
        .timeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(50)).build())
        .build());
  }
}
