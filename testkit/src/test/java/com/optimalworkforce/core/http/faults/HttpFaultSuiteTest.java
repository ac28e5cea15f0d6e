package com.optimalworkforce.core.http.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.optimalworkforce.core.connector.ConnectorConfig;
import com.optimalworkforce.core.http.RetryEvent;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.security.Secret;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP fault suite of issue 3: a sync over HTTP (OkHttp with the shared resilience, token and
 * TLS adapters) from a WireMock-served synthetic agency, with one fault injected per test. Each
 * ends with stored data identical to a fault-free run.
 */
class HttpFaultSuiteTest {
  private static final String CLIENT_SECRET = "fault-suite-client-secret";
  private static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(33).regions(2).clients(40)
      .caregivers(24).weeksOfHistory(1).weeksAhead(1).build();
  private static final SyncWindow WINDOW = SyncWindow.of(Duration.ofDays(7), Duration.ofDays(7));
  private static final int PAGE_SIZE = 25;
  private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(4)
      .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(100)).build();
  private static final AgencyApi API = new AgencyApi(AGENCY, CLIENT_SECRET);

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(API)).build();

  private static Map<RecordKey, SourceRecord> faultFree;
  private static Set<String> regions;

  private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void faultFreeRun() {
    routeEverythingToTheApi();
    regions = AGENCY.regions().stream().map(Region::id).collect(Collectors.toSet());
    Run run = new Run();
    SyncReport report = run.sync(connector(Duration.ofSeconds(5), List.of(), new CopyOnWriteArrayList<>()));
    assertThat(report.completed()).as(report.toString()).isTrue();
    assertThat(report.pages()).as("enough pages to put faults between them").isGreaterThan(10);
    faultFree = run.content();
    assertThat(faultFree).hasSizeGreaterThan(100);
    assertThat(faultFree.keySet().stream().map(RecordKey::type).collect(Collectors.toSet()))
        .contains(EntityType.CLIENT, EntityType.CAREGIVER, EntityType.VISIT);
  }

  /** WireMock forgets stubs between tests; every request goes to the API extension. */
  @BeforeEach
  void routeToTheApi() {
    routeEverythingToTheApi();
  }

  private static void routeEverythingToTheApi() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(AgencyApi.NAME)));
  }

  @AfterEach
  void resetApi() {
    API.reset();
  }

  /** Stores shared by the attempts of one logical sync (so a second attempt resumes). */
  private static final class Run {
    final InMemoryScheduleStore schedule = InMemoryScheduleStore.create();
    final InMemoryIntegrationStore integrations = InMemoryIntegrationStore.create();

    SyncReport sync(JsonHttpConnector connector) {
      try (connector) {
        return SyncEngine.builder("fault-suite", connector).integrationStore(integrations).scheduleStore(schedule)
            .clock(AGENCY.clock()).window(WINDOW).pageSize(PAGE_SIZE).build().sync(regions);
      }
    }

    Map<RecordKey, SourceRecord> content() {
      Map<RecordKey, SourceRecord> out = new TreeMap<>();
      schedule.snapshot().forEach((k, v) -> out.put(k, v.record()));
      return out;
    }
  }

  private static JsonHttpConnector connector(Duration timeout, List<Interceptor> extra, List<RetryEvent> events) {
    ConnectorConfig config = ConnectorConfig.builder("json-http-test")
        .setting("baseUrl", server.baseUrl())
        .secret("clientSecret", Secret.of(CLIENT_SECRET))
        .timeout(timeout)
        .clock(AGENCY.clock())
        .build();
    return new JsonHttpConnector(config, FAST_RETRIES, events::add, extra.toArray(Interceptor[]::new));
  }

  private JsonHttpConnector connector() {
    return connector(Duration.ofSeconds(5), List.of(), retries);
  }

  @Test
  void a429WithRetryAfterIsWaitedOut() {
    API.inject(AgencyApi.laterPageOf(EntityType.VISIT),
        aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"error\":\"slow down\"}").build());
    Run run = new Run();

    SyncReport report = run.sync(connector());

    assertThat(report.completed()).as(report.toString()).isTrue();
    assertThat(retries).singleElement().satisfies(e -> {
      assertThat(e.cause()).isEqualTo("HTTP 429");
      assertThat(e.fromRetryAfter()).isTrue();
      assertThat(e.delay()).isEqualTo(Duration.ofSeconds(1));
    });
    assertThat(run.content()).isEqualTo(faultFree);
  }

  @Test
  void a503BurstIsRetried() {
    API.inject(AgencyApi.laterPageOf(EntityType.VISIT), AgencyApi.json(503, "{}"), AgencyApi.json(503, "{}"),
        AgencyApi.json(503, "{}"));
    Run run = new Run();

    SyncReport report = run.sync(connector());

    assertThat(report.completed()).as(report.toString()).isTrue();
    assertThat(retries).extracting(RetryEvent::cause).containsExactly("HTTP 503", "HTTP 503", "HTTP 503");
    assertThat(run.content()).isEqualTo(faultFree);
  }

  @Test
  void aConnectionResetIsRetried() {
    API.inject(AgencyApi.laterPageOf(EntityType.VISIT),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build());
    Run run = new Run();

    SyncReport report = run.sync(connector());

    assertThat(report.completed()).as(report.toString()).isTrue();
    assertThat(retries).singleElement().extracting(RetryEvent::cause).asString().endsWith("Exception");
    assertThat(run.content()).isEqualTo(faultFree);
  }

  @Test
  void aSlowResponseIsClassifiedAsTimeoutAndTheNextSyncResumes() {
    // Slower than the timeout on every attempt of one request: the sync stops with a timeout.
    com.github.tomakehurst.wiremock.http.ResponseDefinition slow = aResponse().withStatus(200)
        .withFixedDelay(1_500).withBody("{}").build();
    API.inject(AgencyApi.laterPageOf(EntityType.VISIT), slow, slow, slow, slow);
    Run run = new Run();

    SyncReport first = run.sync(connector(Duration.ofMillis(250), List.of(), retries));

    assertThat(first.completed()).isFalse();
    assertThat(first.failure()).get().asString().startsWith("Connection timeout: localhost did not answer in time");
    assertThat(retries).hasSize(FAST_RETRIES.maxAttempts() - 1);

    SyncReport second = run.sync(connector());
    assertThat(second.completed()).as(second.toString()).isTrue();
    assertThat(second.resumed()).isTrue();
    assertThat(run.content()).isEqualTo(faultFree);
  }

  @Test
  void a401MidSyncIsFollowedByOneTokenRefresh() {
    API.revokeTokensAfterPages(5);
    int tokensBefore = API.tokensIssued();
    Run run = new Run();

    SyncReport report = run.sync(connector());

    assertThat(report.completed()).as(report.toString()).isTrue();
    assertThat(API.tokensIssued() - tokensBefore).as("initial token + one refresh").isEqualTo(2);
    assertThat(run.content()).isEqualTo(faultFree);
  }

  @Test
  void aCrashBetweenPagesResumesFromTheCheckpoint() {
    AtomicInteger pages = new AtomicInteger();
    Interceptor dieAfterSeventhPage = chain -> {
      Response r = chain.proceed(chain.request());
      if (chain.request().url().encodedPath().startsWith("/api/records/") && pages.incrementAndGet() == 7) {
        r.close();
        throw new IllegalStateException("simulated process death between pages");
      }
      return r;
    };
    Run run = new Run();

    SyncReport crashed = run.sync(connector(Duration.ofSeconds(5), List.of(dieAfterSeventhPage), retries));
    assertThat(crashed.completed()).isFalse();
    assertThat(run.content()).isNotEmpty().isNotEqualTo(faultFree);

    SyncReport resumed = run.sync(connector());
    assertThat(resumed.completed()).as(resumed.toString()).isTrue();
    assertThat(resumed.resumed()).isTrue();
    assertThat(run.content()).isEqualTo(faultFree);
  }

  @Test
  void aRecordRepeatedAcrossPagesIsStoredOnce() {
    API.repeatLastRecordOfPreviousPage();
    Run run = new Run();

    SyncReport report = run.sync(connector());

    assertThat(report.completed()).as(report.toString()).isTrue();
    assertThat(report.recordsRead()).as("the repeated records were read").isGreaterThan(faultFree.size());
    assertThat(run.content()).isEqualTo(faultFree);
  }
}
