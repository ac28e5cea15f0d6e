package com.optimalworkforce.connectors.wellsky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.optimalworkforce.connectors.wellsky.testing.FhirTestServer;
import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.WriteBack;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.CanaryScan;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import com.optimalworkforce.testkit.wellsky.WellSkyTokenSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Passes canary secrets through both WellSky dialects: the client secret (in every token request)
 * and the bearer tokens the token simulators issue (their values start with a canary). It covers
 * configuration, the provider, wrong and right secrets, reads of every stream, syncs, a token
 * revoked mid-sync, write-back, and failures whose bodies echo the secret or the token: token
 * endpoint refusals, Home Connect's error shapes and FHIR OperationOutcomes. A {@link CanaryScan}
 * captures the SDK's log output at TRACE (see {@code simplelogger.properties}), every exception's
 * whole stack trace and the {@code toString()} of every object touched.
 */
class WellSkyCanarySecretTest {
  private static final String SECRET_CANARY = "CANARYSECRET-5c08e1a94d";
  private static final String FHIR_SECRET_CANARY = "CANARYFHIRSECRET-71d2b0";
  private static final String TOKEN_CANARY = "CANARYTOKEN-a3f96e2c-";

  private static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(88).regions(1).clients(24)
      .caregivers(12).weeksOfHistory(0).weeksAhead(1).openShiftRate(0.2).apiKey(SECRET_CANARY).build();
  private static final TimeWindow WINDOW = TimeWindow.around(AGENCY.now(), Duration.ofDays(2), Duration.ofDays(5));
  private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(20)).build();

  private static final WellSkyHomeConnectSimulator HOME_CONNECT = WellSkyHomeConnectSimulator.start(AGENCY)
      .tokenPrefix(TOKEN_CANARY);
  private static final WellSkyTokenSimulator TOKENS = WellSkyTokenSimulator.start(AGENCY.clock(), "fhir-client",
      Secret.of(FHIR_SECRET_CANARY), Duration.ofHours(1)).tokenPrefix(TOKEN_CANARY);
  private static final FhirTestServer FHIR = new FhirTestServer(AGENCY, AGENCY.clock(), TOKENS);
  @RegisterExtension
  static final RestfulServerExtension SERVER = FHIR.extension();
  /** A FHIR server and token endpoint that fail on demand (HAPI's own server cannot). */
  private static final WireMockServer FAILING = LoopbackWireMock.start();

  private CanaryScan scan;


  @BeforeEach
  void startScan() {
    HOME_CONNECT.resetFaults();
    FAILING.resetAll();
    scan = CanaryScan.start(SECRET_CANARY, FHIR_SECRET_CANARY, TOKEN_CANARY);
  }

  @AfterEach
  void stopScan() {
    scan.close();
  }

  @AfterAll
  static void stop() {
    HOME_CONNECT.close();
    TOKENS.close();
    FAILING.stop();
  }

  private static WellSkyConnectorConfig.Builder homeConnect(String secret) {
    return WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT).baseUrl(URI.create(HOME_CONNECT.baseUrl()))
        .clientId(HOME_CONNECT.clientId()).clientSecret(Secret.of(secret)).clock(AGENCY.clock())
        .rateLimit(RateLimitPolicy.unlimited()).retryPolicy(FAST);
  }

  private static WellSkyConnectorConfig.Builder fhir(String baseUrl, String tokenUrl, String secret) {
    return WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4).baseUrl(URI.create(baseUrl))
        .tokenUrl(URI.create(tokenUrl)).clientId(TOKENS.clientId()).clientSecret(Secret.of(secret))
        .clock(AGENCY.clock()).rateLimit(RateLimitPolicy.unlimited()).retryPolicy(FAST)
        .defaultZone(java.time.ZoneId.of("America/Toronto"));
  }

  /** Reads every stream the connector offers, a page each, and syncs it with the engine. */
  private void readAndSync(WellSkyConnector connector, String id) {
    ConnectionCheck ok = connector.testConnection();
    assertThat(ok.ok()).as(ok.message()).isTrue();
    Set<String> regions = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
    scan.seen(connector, ok, connector.listRegions(), connector.capabilities(), connector.config());
    for (EntityType type : connector.capabilities().entityTypes()) {
      Page page = connector.read(ReadRequest.builder(type).regions(regions).window(WINDOW).pageSize(5).build());
      scan.seen(page, page.nextCursor());
    }
    InMemoryIntegrationStore integrations = InMemoryIntegrationStore.create();
    SyncEngine engine = SyncEngine.builder(id, connector).scheduleStore(InMemoryScheduleStore.create())
        .integrationStore(integrations).clock(AGENCY.clock()).window(com.optimalworkforce.core.sync.SyncWindow.of(
            Duration.ofDays(2), Duration.ofDays(5))).pageSize(20).build();
    SyncReport report = engine.sync(regions);
    assertThat(report.completed()).as(report.toString()).isTrue();
    scan.seen(engine, report, integrations.quarantined(id));
  }

  @Test
  void homeConnect() {
    // Configuration, generic configuration and the provider.
    WellSkyConnectorConfig config = homeConnect(SECRET_CANARY).build();
    ConnectorConfig generic = ConnectorConfig.builder(WellSkyConnector.PROVIDER_ID)
        .setting(WellSkyConnectorProvider.DIALECT, "home-connect").setting("baseUrl", HOME_CONNECT.baseUrl())
        .setting(WellSkyConnectorProvider.CLIENT_ID, HOME_CONNECT.clientId())
        .secret(WellSkyConnectorProvider.CLIENT_SECRET, Secret.of(SECRET_CANARY)).clock(AGENCY.clock()).build();
    scan.seen(config, config.toBuilder().build(), config.clientSecret(), generic, WellSkyConnectorConfig.from(generic),
        new WellSkyConnectorProvider().fields(), WellSkyConnectorConfig.from(generic).toString());
    scan.thrown(() -> WellSkyConnectorConfig.from(ConnectorConfig.builder(WellSkyConnector.PROVIDER_ID)
        .setting(WellSkyConnectorProvider.DIALECT, "home-connect")
        .secret(WellSkyConnectorProvider.CLIENT_SECRET, Secret.of(SECRET_CANARY)).build()));
    // A secret put where it does not belong (the URL's user info or query) is refused without being shown.
    scan.thrown(() -> homeConnect(SECRET_CANARY).baseUrl(URI.create("https://client:" + SECRET_CANARY
        + "@connect.clearcareonline.com/v1/")));
    scan.thrown(() -> homeConnect(SECRET_CANARY).tokenUrl(URI.create("https://connect.clearcareonline.com/oauth/"
        + "accesstoken?client_secret=" + SECRET_CANARY)));
    scan.thrown(() -> homeConnect(SECRET_CANARY).tokenUrl(URI.create("ftp://client:" + SECRET_CANARY + "@example.com/")));

    // A wrong secret: the token endpoint refuses it.
    try (WellSkyConnector wrong = WellSkyConnector.create(homeConnect(SECRET_CANARY + "-old").build())) {
      ConnectionCheck check = wrong.testConnection();
      assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      scan.seen(wrong, check);
      scan.thrown(() -> wrong.read(ReadRequest.builder(EntityType.CLIENT).regions(Set.of("x")).window(WINDOW).build()));
    }

    try (WellSkyConnector connector = WellSkyConnector.create(config)) {
      readAndSync(connector, "canary-home-connect");
      Set<String> regions = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
      ReadRequest clients = ReadRequest.builder(EntityType.CLIENT).regions(regions).window(WINDOW).pageSize(5).build();

      // A token revoked mid-read: one refresh (logged at DEBUG), then the read goes on.
      HOME_CONNECT.revokeTokens();
      scan.seen(connector.read(clients));

      // Token endpoint refusals that echo what the request sent.
      HOME_CONNECT.revokeTokens().tokenErrorNext(1, 400, "application/json", "{\"error\":\"invalid_client\","
          + "\"error_description\":\"client_secret=" + SECRET_CANARY + " does not match\"}");
      assertThat(scan.failedQuotingMasked(connector.testConnection()).failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      HOME_CONNECT.revokeTokens().tokenErrorNext(1, 403, "text/plain", "refused client_id=" + HOME_CONNECT.clientId()
          + "&client_secret=" + SECRET_CANARY + "&grant_type=client_credentials");
      assertThat(scan.failedQuotingMasked(connector.testConnection()).failure()).isEqualTo(ConnectionFailure.ACCESS_DENIED);
      assertThat(HOME_CONNECT.pendingFaults()).isZero();

      // API errors in each of Home Connect's shapes, echoing the secret or the bearer token.
      HOME_CONNECT.errorNext(2, 401, "application/json", "{\"error\":\"Invalid access token in Authorization: Bearer "
          + TOKEN_CANARY + "77\"}");
      scan.thrownQuotingMasked(() -> connector.read(clients));
      // The token the connector holds now (the last one issued), quoted as is by a refusal.
      String current = TOKEN_CANARY + HOME_CONNECT.tokensIssued();
      HOME_CONNECT.errorNext(1, 403, "application/json", "{\"error\":\"Access token " + current + " is not licensed\"}");
      scan.thrownQuotingMasked(() -> connector.read(clients));
      HOME_CONNECT.errorNext(1, 403, "application/json", "{\"message\":\"Client secret " + SECRET_CANARY
          + " is not licensed\"}");
      scan.thrownQuotingMasked(() -> connector.read(clients));
      HOME_CONNECT.errorNext(1, 422, "text/plain", "Bad request with access_token=" + TOKEN_CANARY + "5");
      scan.thrownQuotingMasked(() -> connector.read(clients));
      HOME_CONNECT.errorNext(1, 500, "text/html", "<html><head><title>500 for Bearer " + TOKEN_CANARY
          + "9</title></head></html>");
      scan.thrownQuotingMasked(() -> connector.read(clients));
      HOME_CONNECT.errorNext(3, 503, "application/json", "{\"message\":\"Service Unavailable for Bearer "
          + TOKEN_CANARY + "3\"}");
      scan.thrownQuotingMasked(() -> connector.read(clients));
      assertThat(HOME_CONNECT.pendingFaults()).isZero();
      HOME_CONNECT.malformedJsonNext(2);
      scan.thrown(() -> connector.read(clients));

      // Write-back of an open shift, refused by the server.
      Visit open = AGENCY.visits().filter(v -> v.status() == VisitStatus.OPEN && v.start().isAfter(AGENCY.now())
          && WINDOW.contains(v.start())).findFirst().orElseThrow();
      String caregiver = AGENCY.caregivers().stream().filter(c -> c.active() && c.regionId().equals(open.regionId()))
          .findFirst().orElseThrow().id();
      WriteBack writeBack = connector.writeBack().orElseThrow();
      ReadRequest visits = ReadRequest.builder(EntityType.VISIT).regions(regions).window(WINDOW).pageSize(500).build();
      for (Page p = connector.read(visits); p.nextCursor() != null; p = connector.read(visits.withCursor(p.nextCursor()))) {
        scan.seen(p.nextCursor());
      }
      try {
        // The search before the update passes; the update is refused quoting the token and the secret.
        HOME_CONNECT.errorAfter(1, 422, "text/plain", "token " + TOKEN_CANARY + HOME_CONNECT.tokensIssued()
            + " may not assign with client_secret=" + SECRET_CANARY);
        String visitId = open.id() + "@" + open.localStart().toLocalDate(); // the connector's id of that day's shift
        Throwable refused = scan.thrownQuotingMasked(() -> writeBack.assignCaregiver(visitId, caregiver));
        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(422 ");
        scan.seen(writeBack);
      } finally {
        AGENCY.put(open);
      }
    }

    scan.assertNoCanary("refreshing the token and retrying once", "fetched an access token", "retrying in",
        "sync run");
  }

  @Test
  void fhirR4() {
    WellSkyConnectorConfig config = fhir(SERVER.getBaseUrl(), TOKENS.tokenUrl(), FHIR_SECRET_CANARY).build();
    scan.seen(config, config.toBuilder().build());

    try (WellSkyConnector wrong = WellSkyConnector.create(fhir(SERVER.getBaseUrl(), TOKENS.tokenUrl(),
        FHIR_SECRET_CANARY + "-old").build())) {
      ConnectionCheck check = wrong.testConnection();
      assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
      scan.seen(wrong, check);
    }

    try (WellSkyConnector connector = WellSkyConnector.create(config)) {
      readAndSync(connector, "canary-fhir");
      // A token revoked: the server answers 401, the connector refreshes once (logged at DEBUG).
      TOKENS.revokeTokens();
      Set<String> regions = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
      scan.seen(connector.read(ReadRequest.builder(EntityType.CAREGIVER).regions(regions).window(WINDOW).pageSize(5)
          .build()));
      Visit open = AGENCY.visits().filter(v -> v.status() == VisitStatus.OPEN && v.start().isAfter(AGENCY.now()))
          .skip(1).findFirst().orElseThrow();
      String caregiver = AGENCY.caregivers().stream().filter(c -> c.active() && c.regionId().equals(open.regionId()))
          .findFirst().orElseThrow().id();
      WriteBack writeBack = connector.writeBack().orElseThrow();
      writeBack.assignCaregiver(open.id(), caregiver);
      scan.thrown(() -> writeBack.assignCaregiver(open.id(), AGENCY.caregivers().stream()
          .filter(c -> !c.id().equals(caregiver)).findFirst().orElseThrow().id()));
      scan.thrown(() -> writeBack.assignCaregiver("no-such-visit", caregiver));
    }

    // A token endpoint and a FHIR server whose errors echo the secret and the token.
    String base = FAILING.baseUrl() + "/fhir";
    String tokenUrl = FAILING.baseUrl() + "/connect/token";
    FAILING.stubFor(post(urlPathEqualTo("/connect/token")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\",\"error_description\":"
            + "\"secret " + FHIR_SECRET_CANARY + " is wrong\"}")));
    try (WellSkyConnector c = WellSkyConnector.create(fhir(base, tokenUrl, FHIR_SECRET_CANARY).build())) {
      assertThat(scan.failedQuotingMasked(c.testConnection()).failure()).isEqualTo(ConnectionFailure.INVALID_CREDENTIALS);
    }
    FAILING.stubFor(post(urlPathEqualTo("/connect/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + TOKEN_CANARY + "42\",\"token_type\":\"Bearer\",\"expires_in\":1800}")));
    for (int status : new int[] {401, 403, 404, 429, 500, 503}) {
      FAILING.stubFor(get(urlPathMatching("/fhir/.*")).willReturn(aResponse().withStatus(status)
          .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"OperationOutcome\","
              + "\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\",\"diagnostics\":\"Authorization: Bearer "
              + TOKEN_CANARY + "42 refused; client_secret=" + FHIR_SECRET_CANARY + "\"}]}")));
      try (WellSkyConnector c = WellSkyConnector.create(fhir(base, tokenUrl, FHIR_SECRET_CANARY).build())) {
        scan.failedQuotingMasked(c.testConnection());
        scan.thrownQuotingMasked(c::listRegions);
      }
    }
    FAILING.stubFor(get(urlPathMatching("/fhir/.*")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/fhir+json").withBody("{\"resourceType\":\"OperationOutcome\","
            + "\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\",\"diagnostics\":\"token " + TOKEN_CANARY
            + "42 has no scope for this\"}]}")));
    try (WellSkyConnector c = WellSkyConnector.create(fhir(base, tokenUrl, FHIR_SECRET_CANARY).build())) {
      scan.failedQuotingMasked(c.testConnection());
      scan.thrownQuotingMasked(c::listRegions);
    }
    FAILING.stubFor(get(urlPathMatching("/fhir/.*")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "text/html").withBody("<html><title>oops " + TOKEN_CANARY + "42</title></html>")));
    try (WellSkyConnector c = WellSkyConnector.create(fhir(base, tokenUrl, FHIR_SECRET_CANARY).build())) {
      scan.seen(c.testConnection());
    }

    scan.assertNoCanary("answered 401; refreshing the token and retrying once", "fetched an access token",
        "assigned caregiver", "sync run");
  }
}
