package com.optimalworkforce.connectors.wellsky;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.test.utilities.server.RestfulServerExtension;
import com.optimalworkforce.connectors.wellsky.testing.FhirTestServer;
import com.optimalworkforce.core.connector.Connector;
import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.http.RateLimitPolicy;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.ChangeListener;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.core.sync.SyncWindow;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.wellsky.WellSkyHomeConnectSimulator;
import com.optimalworkforce.testkit.wellsky.WellSkyTokenSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Incremental syncs through the {@link SyncEngine} process exactly the records that changed, in
 * both dialects: FHIR R4 by asking the server for {@code _lastUpdated} after the last sync, Home
 * Connect by re-reading the window and letting the engine compare content hashes.
 */
class WellSkyIncrementalSyncTest {
  static final SyncWindow WINDOW = SyncWindow.of(Duration.ofDays(14), Duration.ofDays(7));

  static SyncReport sync(Connector connector, MutableClock clock, InMemoryScheduleStore store,
      InMemoryIntegrationStore integrations, ChangeListener listener) {
    Set<String> regions = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
    return SyncEngine.builder("wellsky-test", connector).scheduleStore(store).integrationStore(integrations)
        .clock(clock).window(WINDOW).pageSize(50).listener(listener).build().sync(regions);
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class FhirR4 {
    final SyntheticAgency agency = SyntheticAgency.builder().seed(21).regions(2).clients(36).caregivers(24)
        .weeksOfHistory(3).weeksAhead(1).build();
    // The server is loaded a day before the first sync, so its resources are older than any sync.
    final MutableClock clock = MutableClock.at(agency.now().minus(Duration.ofDays(1)));
    final WellSkyTokenSimulator tokens = WellSkyTokenSimulator.start(clock, "fhir-client", agency.apiKey(),
        Duration.ofHours(1));
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
    void theSecondSyncReadsAndDeliversOnlyWhatChangedOnTheServer() {
      clock.set(agency.now());
      InMemoryScheduleStore store = InMemoryScheduleStore.create();
      InMemoryIntegrationStore integrations = InMemoryIntegrationStore.create();
      SyncReport first;
      try (Connector c = connector()) {
        first = sync(c, clock, store, integrations, ChangeListener.noop());
      }
      assertThat(first.completed()).as(first.failure().orElse("")).isTrue();
      assertThat(first.created()).isGreaterThan(300);

      clock.advance(Duration.ofHours(1));
      var window = WINDOW.at(clock.instant());
      List<String> changed = agency.changeVisits(v -> window.contains(v.start()), 0.05, 3);
      Client client = agency.clients().get(4);
      agency.put(client.toBuilder().address("1 Changed Street").build());
      Visit cancelled = agency.visits().filter(v -> v.status() == VisitStatus.SCHEDULED && !changed.contains(v.id())
          && window.contains(v.start())).findFirst().orElseThrow();
      agency.put(cancelled.toBuilder().status(VisitStatus.CANCELLED).cancelReason("Client cancelled").build());
      fhir.refresh();
      clock.advance(Duration.ofMinutes(10));

      SyncRecorder recorder = new SyncRecorder();
      SyncReport second;
      try (Connector c = connector()) {
        second = sync(c, clock, store, integrations, recorder);
      }
      assertThat(second.completed()).as(second.failure().orElse("")).isTrue();
      Set<RecordKey> expected = new HashSet<>();
      changed.forEach(id -> expected.add(RecordKey.of(EntityType.VISIT, id)));
      expected.add(RecordKey.of(EntityType.VISIT, cancelled.id()));
      expected.add(client.key());
      assertThat(changed).hasSizeGreaterThan(3);
      assertThat(recorder.keys(Change::isUpdate)).isEqualTo(expected);
      assertThat(recorder.keys(c -> !c.isUpdate())).isEmpty();
      // The server answered with the changed records only: _lastUpdated did the filtering.
      assertThat(second.recordsRead()).isEqualTo(expected.size());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class HomeConnect {
    final SyntheticAgency agency = SyntheticAgency.builder().seed(22).regions(2).clients(36).caregivers(24)
        .weeksOfHistory(3).weeksAhead(1).build();
    final MutableClock clock = MutableClock.at(agency.now());
    final WellSkyHomeConnectSimulator sim = WellSkyHomeConnectSimulator.builder(agency).clock(clock).build();

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
    void aWindowReReadDeliversExactlyTheChangedAndDeletedRecords() {
      InMemoryScheduleStore store = InMemoryScheduleStore.create();
      InMemoryIntegrationStore integrations = InMemoryIntegrationStore.create();
      SyncReport first;
      try (Connector c = connector()) {
        first = sync(c, clock, store, integrations, ChangeListener.noop());
      }
      assertThat(first.completed()).as(first.failure().orElse("")).isTrue();
      assertThat(first.created()).isGreaterThan(300);

      var window = WINDOW.at(clock.instant());
      List<String> changed = agency.changeVisits(v -> window.contains(v.start()), 0.02, 5);
      List<String> deleted = agency.deleteVisits(v -> window.contains(v.start()) && !changed.contains(v.id()), 3, 6);
      Client client = agency.clients().get(2);
      agency.put(client.toBuilder().postalCode("M4A 9Z9").build());
      Set<RecordKey> expectedUpdates = new HashSet<>();
      changed.forEach(id -> expectedUpdates.add(key(agency.visit(id).orElseThrow())));
      expectedUpdates.add(client.key());
      // A visit's place of care is its client's home: the client's visits in the window change too.
      agency.visits().filter(v -> v.clientId().equals(client.id()) && window.contains(v.start()))
          .forEach(v -> expectedUpdates.add(key(v)));
      clock.advance(Duration.ofMinutes(30));

      SyncRecorder recorder = new SyncRecorder();
      SyncReport second;
      try (Connector c = connector()) {
        second = sync(c, clock, store, integrations, recorder);
      }
      assertThat(second.completed()).as(second.failure().orElse("")).isTrue();
      assertThat(changed).hasSizeGreaterThan(3);
      assertThat(recorder.keys(Change::isUpdate)).isEqualTo(expectedUpdates);
      assertThat(recorder.keys(Change::isDelete)).hasSize(deleted.size())
          .allSatisfy(k -> assertThat(deleted).contains(k.sourceId().substring(0, k.sourceId().indexOf('@'))));
      assertThat(recorder.keys(Change::isCreate)).isEmpty();
    }

    private RecordKey key(Visit v) {
      return RecordKey.of(EntityType.VISIT, v.id() + "@" + v.localStart().toLocalDate());
    }
  }

  /**
   * Home Connect filters people by update date ({@code "updated": "ge<date>"}); a host that reads
   * clients or caregivers directly with "changed since" gets only those. (The sync engine re-reads
   * instead: shifts have no such filter, so the connector does not declare server-side incremental.)
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class HomeConnectUpdatedFilter {
    final SyntheticAgency agency = SyntheticAgency.builder().seed(23).regions(2).clients(24).caregivers(22)
        .weeksOfHistory(0).weeksAhead(1).build();
    final MutableClock clock = MutableClock.at(agency.now());
    final WellSkyHomeConnectSimulator sim = WellSkyHomeConnectSimulator.builder(agency).clock(clock).build();
    final Set<String> regions = agency.regions().stream().map(Region::id).collect(Collectors.toSet());

    @AfterAll
    void stop() {
      sim.close();
    }

    Set<RecordKey> read(Connector c, EntityType type, Instant changedSince) {
      Set<RecordKey> keys = new HashSet<>();
      ReadRequest next = ReadRequest.builder(type).regions(regions).window(WINDOW.at(clock.instant())).pageSize(7)
          .changedSince(changedSince).build();
      while (next != null) {
        Page page = c.read(next);
        assertThat(page.rejected()).isEmpty();
        page.records().forEach(r -> keys.add(r.key()));
        next = page.next().map(next::withCursor).orElse(null);
      }
      return keys;
    }

    @Test
    void peopleReadWithChangedSinceAreOnlyThoseUpdatedSince() {
      clock.advance(Duration.ofDays(2));
      Instant since = clock.instant();
      Client client = agency.clients().get(1);
      agency.put(client.toBuilder().address("2 Changed Street").build());
      Caregiver caregiver = agency.caregivers().get(3);
      agency.put(caregiver.toBuilder().active(!caregiver.active()).build());
      clock.advance(Duration.ofMinutes(5));
      try (Connector c = WellSkyConnector.create(WellSkyConnectorConfig.builder(WellSkyDialect.HOME_CONNECT)
          .baseUrl(URI.create(sim.baseUrl())).clientId(sim.clientId()).clientSecret(sim.clientSecret()).clock(clock)
          .rateLimit(RateLimitPolicy.unlimited()).build())) {
        assertThat(c.capabilities().serverSideIncremental()).isFalse();
        assertThat(read(c, EntityType.CLIENT, since)).containsExactly(client.key());
        assertThat(read(c, EntityType.CAREGIVER, since)).containsExactly(caregiver.key());
        // Without it, everyone: the filter, not the reading, left the others out.
        assertThat(read(c, EntityType.CLIENT, null)).hasSize(agency.clients().size());
        assertThat(read(c, EntityType.CAREGIVER, null)).hasSize(agency.caregivers().size());
      }
    }
  }
}
