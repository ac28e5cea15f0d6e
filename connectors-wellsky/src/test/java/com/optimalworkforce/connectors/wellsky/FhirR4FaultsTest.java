package com.optimalworkforce.connectors.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.model.Region;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transient faults of a FHIR server are absorbed by the core HTTP stack that HAPI's client runs
 * on (HAPI's own OkHttp client retries neither 503 nor 429), and a body that is not FHIR is
 * reported as such. WireMock plays the server, since HAPI's own cannot fail on demand.
 */
class FhirR4FaultsTest {
  static final WireMockServer WIREMOCK = LoopbackWireMock.start();
  static final String BRANCHES = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{"
      + "\"resourceType\":\"Organization\",\"id\":\"east\",\"name\":\"East\",\"extension\":[{\"url\":"
      + "\"http://hl7.org/fhir/StructureDefinition/timezone\",\"valueCode\":\"America/Toronto\"}],\"type\":[{"
      + "\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/organization-type\",\"code\":\"prov\"}]}]}}]}";

  @AfterAll
  static void stop() {
    WIREMOCK.stop();
  }

  @BeforeEach
  void reset() {
    WIREMOCK.resetAll();
    LoopbackWireMock.stubFhirToken(WIREMOCK);
  }

  static WellSkyConnector connector() {
    return WellSkyConnector.create(LoopbackWireMock.fhirConfig(WIREMOCK, 4).build());
  }

  /** The branch search answers {@code faults} first, then the branches. */
  static void organizationsAfter(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... faults) {
    String state = Scenario.STARTED;
    for (int i = 0; i < faults.length; i++) {
      String next = "after-" + (i + 1);
      WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Organization")).inScenario("faults").whenScenarioStateIs(state)
          .willReturn(faults[i]).willSetStateTo(next));
      state = next;
    }
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Organization")).inScenario("faults").whenScenarioStateIs(state)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(BRANCHES)));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder unavailable() {
    return aResponse().withStatus(503).withHeader("Content-Type", "application/fhir+json")
        .withBody(FhirR4ErrorsTest.outcome("transient", "Server is restarting"));
  }

  @Test
  void aBurstOfServerErrorsIsRetriedByTheCoreStack() {
    organizationsAfter(unavailable(), unavailable(), unavailable());
    try (WellSkyConnector c = connector()) {
      assertThat(c.listRegions()).extracting(Region::id).containsExactly("east");
    }
    WIREMOCK.verify(4, getRequestedFor(urlPathEqualTo("/fhir/Organization")));
  }

  @Test
  void aBurstLongerThanTheRetriesIsReportedWithWhatTheServerSaid() {
    organizationsAfter(unavailable(), unavailable(), unavailable(), unavailable());
    ConnectionCheck check;
    try (WellSkyConnector c = connector()) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
    assertThat(check.message()).contains("503").contains("Server is restarting");
    WIREMOCK.verify(4, getRequestedFor(urlPathEqualTo("/fhir/Organization")));
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    organizationsAfter(aResponse().withStatus(429).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "application/fhir+json").withBody(FhirR4ErrorsTest.outcome("throttled", "Slow down")));
    long t0 = System.nanoTime();
    try (WellSkyConnector c = connector()) {
      assertThat(c.listRegions()).extracting(Region::id).containsExactly("east");
    }
    // The retry waited for Retry-After (1 s), not for the 10 ms backoff.
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    WIREMOCK.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Organization")));
  }

  @Test
  void aBodyThatIsNotFhirIsReportedAsSuch() {
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Organization")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\",\"entry\":[{\"reso")));
    ConnectionCheck check;
    try (WellSkyConnector c = connector()) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
    assertThat(check.message()).startsWith("Unexpected response: ").contains("not valid FHIR JSON")
        .contains("Check that the base URL");
  }
}
