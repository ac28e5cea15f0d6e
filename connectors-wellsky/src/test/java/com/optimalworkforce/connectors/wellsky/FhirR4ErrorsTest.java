package com.optimalworkforce.connectors.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.SyncCursor;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.security.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FHIR errors arrive as OperationOutcomes; each status is classified and the outcome's
 * diagnostics are quoted. A WireMock server plays the FHIR server where HAPI's own cannot fail on
 * demand.
 */
class FhirR4ErrorsTest {
  static final WireMockServer WIREMOCK = LoopbackWireMock.start();

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
    return WellSkyConnector.create(LoopbackWireMock.fhirConfig(WIREMOCK, 2)
        .defaultZone(java.time.ZoneId.of("America/Toronto")).build());
  }

  static String outcome(String code, String diagnostics) {
    return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
        + "\",\"diagnostics\":\"" + diagnostics + "\"}]}";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "401, INVALID_CREDENTIALS, login, Token is not active",
      "403, ACCESS_DENIED, forbidden, Scope system/Organization.read is not granted",
      "404, UNEXPECTED_RESPONSE, not-found, Unknown resource type",
      "429, RATE_LIMITED, throttled, Slow down",
      "500, UNEXPECTED_RESPONSE, exception, Database unavailable",
  })
  void operationOutcomesAreClassifiedAndQuoted(int status, ConnectionFailure failure, String code, String diagnostics) {
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Organization")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/fhir+json").withBody(outcome(code, diagnostics))));
    ConnectionCheck check;
    try (WellSkyConnector c = connector()) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(failure);
    assertThat(check.message()).contains(diagnostics).doesNotContain("s3cr3t-value");
    if (status == 401) {
      // The connector asked for one new token after the refusal, then gave up.
      WIREMOCK.verify(2, postRequestedFor(urlPathEqualTo("/connect/token")));
      WIREMOCK.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Organization")));
    }
  }

  @Test
  void aBranchWithoutATimeZoneSaysWhichSettingToAdd() {
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Organization")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
            + "\"entry\":[{\"resource\":{\"resourceType\":\"Organization\",\"id\":\"east\",\"name\":\"East\",\"type\":[{"
            + "\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/organization-type\",\"code\":\"prov\"}]}]}}]}")));
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Location")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
    try (WellSkyConnector c = connector()) {
      // connector() sets a default zone: it applies to the branch that declares none.
      assertThat(c.listRegions()).singleElement().satisfies(r -> assertThat(r.zone()).hasToString("America/Toronto"));
    }
    WellSkyConnectorConfig noDefault = WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
        .baseUrl(URI.create(WIREMOCK.baseUrl() + "/fhir")).tokenUrl(URI.create(WIREMOCK.baseUrl() + "/connect/token"))
        .clientId("client").clientSecret(Secret.of("s")).build();
    try (WellSkyConnector c = WellSkyConnector.create(noDefault)) {
      ConnectionCheck check = c.testConnection();
      assertThat(check.failure()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
      assertThat(check.message()).contains("Organization 'east' declares no time zone").contains("'zone' setting");
    }
    // No /metadata probe unless asked.
    WIREMOCK.verify(0, getRequestedFor(urlPathEqualTo("/fhir/metadata")));
  }

  @Test
  void aCursorPointingToAnotherServerIsRefusedBeforeAnyTokenLeaves() {
    ReadRequest request = ReadRequest.builder(EntityType.CLIENT).regions(Set.of("east"))
        .window(TimeWindow.of(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z")))
        .cursor(SyncCursor.of("wellsky-fhir:CLIENT:https://attacker.example.com/fhir?_getpages=x")).build();
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Organization")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
            + "\"entry\":[{\"resource\":{\"resourceType\":\"Organization\",\"id\":\"east\",\"name\":\"East\",\"type\":[{"
            + "\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/organization-type\",\"code\":\"prov\"}]}]}}]}")));
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/Location")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
    try (WellSkyConnector c = connector()) {
      assertThatThrownBy(() -> c.read(request)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("points to https://attacker.example.com, not to the configured server");
    }
  }

  @Test
  void validateServerReadsMetadataOnceAndRefusesAnotherFhirVersion() {
    WIREMOCK.stubFor(get(urlPathEqualTo("/fhir/metadata")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/fhir+json")
        .withBody("{\"resourceType\":\"CapabilityStatement\",\"status\":\"active\",\"kind\":\"instance\","
            + "\"fhirVersion\":\"3.0.2\",\"format\":[\"json\"]}")));
    WellSkyConnectorConfig config = connector().config().toBuilder().validateServer(true).build();
    try (WellSkyConnector c = WellSkyConnector.create(config)) {
      ConnectionCheck check = c.testConnection();
      assertThat(check.failure()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
      assertThat(check.message()).contains("is not a FHIR R4 server").contains("3.0.2");
    }
    WIREMOCK.verify(0, getRequestedFor(urlPathEqualTo("/fhir/Organization")));
  }
}
