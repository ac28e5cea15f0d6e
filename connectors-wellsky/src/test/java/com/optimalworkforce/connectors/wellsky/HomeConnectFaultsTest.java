package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.ConnectionCheck;
import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.connector.ConnectorException;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.connector.RejectedRecord;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transient faults of the Home Connect simulator are absorbed (retries honouring Retry-After, one
 * more try of an unreadable body); bad records are quarantined with the reason while the rest of
 * the page arrives; the client-side rate limit holds the request rate.
 */
class HomeConnectFaultsTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(51).regions(1).clients(20).caregivers(12)
      .weeksOfHistory(0).weeksAhead(1).build();
  static final WellSkyHomeConnectSimulator SIM = WellSkyHomeConnectSimulator.start(AGENCY);
  static final Set<String> REGIONS = AGENCY.regions().stream().map(Region::id).collect(Collectors.toSet());
  static final TimeWindow WINDOW = TimeWindow.around(AGENCY.now(), Duration.ofDays(2), Duration.ofDays(5));

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @AfterEach
  void reset() {
    SIM.resetFaults();
  }

  static WellSkyConnector connector(RateLimitPolicy rateLimit) {
    return connector(rateLimit, AGENCY.clock());
  }

  static WellSkyConnector connector(RateLimitPolicy rateLimit, Clock clock) {
    return WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
        .baseUrl(URI.create(SIM.baseUrl())).clientId(SIM.clientId()).clientSecret(SIM.clientSecret())
        .clock(clock).rateLimit(rateLimit)
        .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(20)).build())
        .build());
  }

  static List<SourceRecord> readAll(WellSkyConnector c, EntityType type, List<RejectedRecord> rejected) {
    List<SourceRecord> out = new ArrayList<>();
    ReadRequest next = ReadRequest.builder(type).regions(REGIONS).window(WINDOW).pageSize(25).build();
    while (next != null) {
      Page page = c.read(next);
      out.addAll(page.records());
      rejected.addAll(page.rejected());
      next = page.next().map(next::withCursor).orElse(null);
    }
    return out;
  }

  @Test
  void rateLimitingWithRetryAfterIsWaitedOut() {
    try (WellSkyConnector c = connector(RateLimitPolicy.unlimited())) {
      c.listRegions();
      int before = SIM.apiRequests();
      SIM.rateLimitNext(2, Duration.ofSeconds(1));
      long t0 = System.nanoTime();
      List<SourceRecord> clients = readAll(c, EntityType.CLIENT, new ArrayList<>());
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(clients).hasSize(AGENCY.clients().size());
      assertThat(took).as("two 429s asking for 1 s each").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
      assertThat(SIM.apiRequests() - before).isEqualTo(3); // one page of 25, after two refusals
    }
  }

  @Test
  void aBurstOfServerErrorsAndAnHtmlPageAreRetriedOrReported() {
    try (WellSkyConnector c = connector(RateLimitPolicy.unlimited())) {
      SIM.serverErrorNext(3);
      assertThat(readAll(c, EntityType.CAREGIVER, new ArrayList<>())).hasSize(AGENCY.caregivers().size());
      SIM.htmlServerErrorNext(1); // 500 is not retried: WellSky's own failure, reported
      assertThatThrownBy(() -> readAll(c, EntityType.CAREGIVER, new ArrayList<>()))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("HTML error page")
          .hasMessageContaining("500 Internal Server Error")
          .satisfies(e -> assertThat(((ConnectorException) e).failure()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE));
    }
  }

  @Test
  void errorShapesFromTheApiMidReadAreClassifiedWithWhatTheApiSaid() {
    try (WellSkyConnector c = connector(RateLimitPolicy.unlimited())) {
      c.listRegions();
      SIM.errorNext(1, 422, "text/plain", "additionalDays must be between 0 and 6");
      assertThatThrownBy(() -> readAll(c, EntityType.VISIT, new ArrayList<>()))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("as invalid (422 \"additionalDays must be between 0 and 6\")")
          .satisfies(e -> assertThat(((ConnectorException) e).failure()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE));
      SIM.errorNext(1, 403, "application/json", "{\"error\":\"This client is not licensed for this agency\"}");
      assertThatThrownBy(() -> readAll(c, EntityType.CLIENT, new ArrayList<>()))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("This client is not licensed for this agency")
          .hasMessageContaining("licensed per agency")
          .satisfies(e -> assertThat(((ConnectorException) e).failure()).isEqualTo(ConnectionFailure.ACCESS_DENIED));
    }
  }

  @Test
  void anUnreadableBodyIsAskedForOnceMore() {
    try (WellSkyConnector c = connector(RateLimitPolicy.unlimited())) {
      c.listRegions();
      SIM.malformedJsonNext(1);
      assertThat(readAll(c, EntityType.CLIENT, new ArrayList<>())).hasSize(AGENCY.clients().size());
      SIM.malformedJsonNext(2);
      assertThatThrownBy(() -> readAll(c, EntityType.CLIENT, new ArrayList<>()))
          .isInstanceOf(ConnectorException.class).hasMessageContaining("could not be read");
    }
  }

  @Test
  void badRecordsAreQuarantinedWithTheReasonAndTheRestArrives() {
    Client nameless = AGENCY.clients().get(3);
    Visit reversed = AGENCY.visits().filter(v -> WINDOW.contains(v.start())).findFirst().orElseThrow();
    SIM.badData(EntityType.CLIENT, nameless.id()).badData(EntityType.VISIT, reversed.id());
    try (WellSkyConnector c = connector(RateLimitPolicy.unlimited())) {
      List<RejectedRecord> rejected = new ArrayList<>();
      List<SourceRecord> clients = readAll(c, EntityType.CLIENT, rejected);
      assertThat(clients).hasSize(AGENCY.clients().size() - 1);
      assertThat(rejected).singleElement().satisfies(r -> {
        assertThat(r.sourceId()).isEqualTo(nameless.id());
        assertThat(r.reason()).isEqualTo("Client '" + nameless.id() + "': name is missing");
      });
      rejected.clear();
      readAll(c, EntityType.VISIT, rejected);
      assertThat(rejected).singleElement().satisfies(r -> {
        assertThat(r.type()).isEqualTo(EntityType.VISIT);
        assertThat(r.reason()).contains(reversed.id()).contains("end");
      });
    }
  }

  @Test
  void aPathTheGatewayDoesNotKnowIsReportedAsARouteProblemNotAPermission() {
    // Home Connect's paths are lowercase: the gateway answers an unknown one with its 403 message.
    WellSkyConnectorConfig upper = connector(RateLimitPolicy.unlimited()).config().toBuilder()
        .baseUrl(URI.create(SIM.baseUrl().replace("/v1/", "/V1/"))).tokenUrl(URI.create(SIM.tokenUrl())).build();
    ConnectionCheck check;
    try (WellSkyConnector c = WellSkyConnector.create(upper)) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
    assertThat(check.message()).contains("did not recognise POST locations/_search")
        .contains("Invalid key=value pair").contains("lowercase, ending in /v1/");
  }

  @ParameterizedTest(name = "token URL path {0}")
  @ValueSource(strings = {"/oauth/token", "/OAuth/AccessToken", "/oauth/accesstoken/"})
  void aTokenUrlTheGatewayDoesNotKnowIsReportedAsAWrongTokenUrl(String path) {
    // The token endpoint is /oauth/accesstoken on the host root; the gateway answers any other
    // path with its 403 message, which core's token provider now carries to the connector.
    URI wrong = URI.create(SIM.tokenUrl().replace("/oauth/accesstoken", path));
    WellSkyConnectorConfig config = connector(RateLimitPolicy.unlimited()).config().toBuilder().tokenUrl(wrong).build();
    int before = SIM.tokenRequests();
    ConnectionCheck check;
    try (WellSkyConnector c = WellSkyConnector.create(config)) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.UNEXPECTED_RESPONSE);
    assertThat(check.message()).startsWith("Unexpected response: the WellSky gateway did not recognise the token request"
        + " to " + wrong).contains("(403 \"Invalid key=value pair (missing equal-sign) in Authorization header")
        .contains("tokens at /oauth/accesstoken on the API's host (" + SIM.tokenUrl() + ")")
        .contains("Check the connector's tokenUrl").doesNotContain(SIM.clientSecret().reveal());
    assertThat(SIM.tokenRequests()).as("the simulator answered as the gateway, not as the token endpoint")
        .isEqualTo(before);
  }

  @Test
  void aTokenEndpointRefusalQuotesWhatItSaid() {
    SIM.tokenErrorNext(1, 403, "application/json",
        "{\"error\":\"access_denied\",\"error_description\":\"Home Connect is not enabled for this agency\"}");
    ConnectionCheck check;
    try (WellSkyConnector c = connector(RateLimitPolicy.unlimited())) {
      check = c.testConnection();
    }
    assertThat(check.failure()).as(check.message()).isEqualTo(ConnectionFailure.ACCESS_DENIED);
    assertThat(check.message()).contains("refused to issue a token (403)")
        .contains("\"access_denied: Home Connect is not enabled for this agency\"");
    assertThat(SIM.pendingFaults()).isZero();
  }

  @Test
  void aVisitReadFetchesTheClientsOnceUnlessItResumesLate() {
    MutableClock clock = MutableClock.at(AGENCY.now());
    String patients = "POST /v1/patients/_search/";
    try (WellSkyConnector c = connector(RateLimitPolicy.unlimited(), clock)) {
      c.listRegions();
      ReadRequest request = ReadRequest.builder(EntityType.VISIT).regions(REGIONS).window(WINDOW).pageSize(5).build();
      int before = SIM.requests(patients);
      Page first = c.read(request);
      Page second = c.read(request.withCursor(first.nextCursor()));
      // Resuming goes on with the page of clients the read began with.
      assertThat(SIM.requests(patients) - before).isEqualTo(1);
      clock.advance(Duration.ofSeconds(61));
      c.read(request.withCursor(second.nextCursor()));
      // A minute later (by the connector's clock) the clients are read again.
      assertThat(SIM.requests(patients) - before).isEqualTo(2);
      c.read(request);
      // A read that starts afresh always sees the clients as they are now.
      assertThat(SIM.requests(patients) - before).isEqualTo(3);
    }
  }

  @Test
  void theClientSideRateLimitHoldsTheRequestRate() {
    try (WellSkyConnector c = connector(RateLimitPolicy.perSecond(20))) {
      c.listRegions();
      int before = SIM.apiRequests();
      long t0 = System.nanoTime();
      readAll(c, EntityType.VISIT, new ArrayList<>());
      double seconds = (System.nanoTime() - t0) / 1e9;
      int requests = SIM.apiRequests() - before;
      assertThat(requests).isGreaterThan(30);
      // 20 permits a second, the first 20 at once: n requests need at least (n - 20) / 20 seconds.
      assertThat(seconds).as("%d requests in %.2f s", requests, seconds).isGreaterThanOrEqualTo((requests - 20) / 20.0 - 0.05);
    }
  }
}
