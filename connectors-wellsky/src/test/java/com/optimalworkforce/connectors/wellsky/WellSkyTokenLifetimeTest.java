package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import com.optimalworkforce.connectors.wellsky.testing.FhirTestServer;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncMode;
import com.optimalworkforce.core.sync.SyncProgressListener;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import com.optimalworkforce.testkit.wellsky.WellSkyTokenSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens that live 2 seconds: a sync whose pages are 1.5 s apart (by the shared test clock) gets
 * every record and exactly one token per page, because the token provider replaces the token
 * before it expires (after half its life); none is ever refused. A token revoked mid-sync is
 * refused once, replaced once, and the sync completes.
 */
class WellSkyTokenLifetimeTest {
  static final SyncWindow WINDOW = SyncWindow.of(Duration.ofDays(7), Duration.ofDays(7));
  static final Duration PAGE_GAP = Duration.ofMillis(1500);

  /** Advances the clock after every page and counts the pages that made requests (each needs a token). */
  static final class PageClock implements SyncProgressListener {
    private final MutableClock clock;
    private final java.util.function.IntSupplier requests;
    private int seen;
    int pagesWithRequests;

    PageClock(MutableClock clock, java.util.function.IntSupplier requests) {
      this.clock = clock;
      this.requests = requests;
      this.seen = requests.getAsInt();
    }

    @Override
    public void onProgress(com.optimalworkforce.core.sync.SyncProgress progress) {
      int now = requests.getAsInt();
      if (now > seen) {
        pagesWithRequests++;
      }
      seen = now;
      clock.advance(PAGE_GAP);
    }
  }

  static SyncReport sync(Connector connector, MutableClock clock, SyncProgressListener progress) {
    Set<String> regions = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
    return SyncEngine.builder("token-test", connector).scheduleStore(InMemoryScheduleStore.create())
        .integrationStore(InMemoryIntegrationStore.create()).clock(clock).window(WINDOW).pageSize(40).build()
        .sync(regions, SyncMode.FULL, progress);
  }

  static long expectedRecords(SyntheticAgency agency, MutableClock clock, Set<EntityType> streams) {
    Set<String> regions = agency.regions().stream().map(Region::id).collect(Collectors.toSet());
    return streams.stream().mapToLong(t -> agency.select(t, regions, WINDOW.at(clock.instant())).count()).sum();
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class HomeConnect {
    final SyntheticAgency agency = SyntheticAgency.builder().seed(31).regions(2).clients(30).caregivers(24)
        .weeksOfHistory(1).weeksAhead(1).build();
    final MutableClock clock = MutableClock.at(agency.now());
    final WellSkyHomeConnectSimulator sim = WellSkyHomeConnectSimulator.builder(agency).clock(clock)
        .tokenLifetime(Duration.ofSeconds(2)).build();

    @AfterAll
    void stop() {
      sim.close();
    }

    Connector connector() {
      return WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
          .baseUrl(URI.create(sim.baseUrl())).clientId(sim.clientId()).clientSecret(sim.clientSecret()).clock(clock)
          .rateLimit(RateLimitPolicy.unlimited()).build());
    }

    @Test
    void aSyncWithTwoSecondTokensGetsEveryRecordWithOneTokenPerPage() {
      int tokensBefore = sim.tokenRequests();
      int refusedBefore = sim.unauthorizedResponses();
      SyncReport report;
      PageClock pages = new PageClock(clock, sim::apiRequests);
      try (Connector c = connector()) {
        report = sync(c, clock, pages);
      }
      assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
      assertThat(report.created()).isEqualTo(expectedRecords(agency, clock, Set.of(EntityType.CLIENT,
          EntityType.CAREGIVER, EntityType.VISIT)));
      assertThat(report.pages()).isGreaterThan(5);
      // One token for the region listing and the first page (same instant), then one per later page
      // that made requests (a last page can be answered from what the connector already holds).
      assertThat(sim.tokenRequests() - tokensBefore).isEqualTo(pages.pagesWithRequests);
      assertThat((long) pages.pagesWithRequests).isGreaterThanOrEqualTo(report.pages() - 1);
      assertThat(sim.unauthorizedResponses() - refusedBefore).isZero();
    }

    @Test
    void aTokenRevokedMidSyncIsReplacedOnceAndTheSyncCompletes() {
      sim.tokenLifetime(Duration.ofHours(1));
      int tokensBefore = sim.tokenRequests();
      int refusedBefore = sim.unauthorizedResponses();
      AtomicInteger pages = new AtomicInteger();
      SyncReport report;
      try (Connector c = connector()) {
        report = sync(c, clock, p -> {
          if (pages.incrementAndGet() == 3) {
            sim.revokeTokens();
          }
        });
      } finally {
        sim.tokenLifetime(Duration.ofSeconds(2));
      }
      assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
      assertThat(sim.unauthorizedResponses() - refusedBefore).isEqualTo(1);
      assertThat(sim.tokenRequests() - tokensBefore).isEqualTo(2);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class FhirR4 {
    final SyntheticAgency agency = SyntheticAgency.builder().seed(32).regions(2).clients(30).caregivers(24)
        .weeksOfHistory(1).weeksAhead(1).build();
    final MutableClock clock = MutableClock.at(agency.now());
    final WellSkyTokenSimulator tokens = WellSkyTokenSimulator.start(clock, "fhir-client", agency.apiKey(),
        Duration.ofSeconds(2));
    final FhirTestServer fhir = new FhirTestServer(agency, clock, tokens);
    @RegisterExtension
    final RestfulServerExtension server = fhir.extension();

    @AfterAll
    void stop() {
      tokens.close();
    }

    Connector connector() {
      return WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.FHIR_R4)
          .baseUrl(URI.create(server.getBaseUrl())).tokenUrl(URI.create(tokens.tokenUrl()))
          .clientId(tokens.clientId()).clientSecret(agency.apiKey()).clock(clock)
          .rateLimit(RateLimitPolicy.unlimited()).build());
    }

    @Test
    void aSyncWithTwoSecondTokensGetsEveryRecordWithOneTokenPerPage() {
      int tokensBefore = tokens.tokenRequests();
      int refusedBefore = fhir.refused();
      SyncReport report;
      PageClock pages = new PageClock(clock, fhir::requests);
      try (Connector c = connector()) {
        report = sync(c, clock, pages);
      }
      assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
      assertThat(report.created()).isEqualTo(expectedRecords(agency, clock, Set.of(EntityType.CLIENT,
          EntityType.CAREGIVER, EntityType.VISIT, EntityType.UNAVAILABILITY)));
      assertThat(report.pages()).isGreaterThan(5);
      assertThat(tokens.tokenRequests() - tokensBefore).isEqualTo(pages.pagesWithRequests);
      assertThat((long) pages.pagesWithRequests).isGreaterThanOrEqualTo(report.pages() - 1);
      assertThat(fhir.refused() - refusedBefore).isZero();
    }

    @Test
    void aTokenRevokedMidSyncIsReplacedOnceAndTheSyncCompletes() {
      tokens.tokenLifetime(Duration.ofHours(1));
      int tokensBefore = tokens.tokenRequests();
      int refusedBefore = fhir.refused();
      AtomicInteger pages = new AtomicInteger();
      SyncReport report;
      try (Connector c = connector()) {
        report = sync(c, clock, p -> {
          if (pages.incrementAndGet() == 3) {
            tokens.revokeTokens();
          }
        });
      } finally {
        tokens.tokenLifetime(Duration.ofSeconds(2));
      }
      assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
      assertThat(fhir.refused() - refusedBefore).isEqualTo(1);
      assertThat(tokens.tokenRequests() - tokensBefore).isEqualTo(2);
    }
  }
}
