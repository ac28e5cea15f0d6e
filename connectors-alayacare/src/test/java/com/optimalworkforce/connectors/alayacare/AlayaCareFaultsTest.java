package com.optimalworkforce.connectors.alayacare;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.ConnectionFailure;
import com.optimalworkforce.core.http.RetryPolicy;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.QuarantinedRecord;
import com.optimalworkforce.core.sync.ChangeListener;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import com.optimalworkforce.testkit.alayacare.SimulatedFault;
import com.optimalworkforce.testkit.alayacare.VisitCorruption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every injected fault ends in complete, correct data (what a fault-free sync stores) or in a
 * clear classified error with nothing half-applied, after which a clean sync completes the data.
 */
class AlayaCareFaultsTest {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(21).regions(2).clients(40).caregivers(24)
      .weeksOfHistory(1).weeksAhead(1).build();
  static final AlayaCareSimulator SIM = AlayaCareSimulator.start(AGENCY);
  static Map<RecordKey, String> reference;
  static Set<String> branches;

  InMemoryScheduleStore store;
  InMemoryIntegrationStore integrationStore;

  @BeforeAll
  static void referenceSync() {
    InMemoryScheduleStore clean = InMemoryScheduleStore.create();
    try (AlayaCareConnector connector = Simulators.connector(SIM)) {
      branches = connector.listRegions().stream().map(Region::id).collect(Collectors.toSet());
      SyncReport report = engine(connector, clean, InMemoryIntegrationStore.create()).sync(branches);
      assertThat(report.completed()).isTrue();
    }
    reference = hashes(clean);
  }

  @AfterAll
  static void stop() {
    SIM.close();
  }

  @BeforeEach
  void fresh() {
    SIM.reset();
    store = InMemoryScheduleStore.create();
    integrationStore = InMemoryIntegrationStore.create();
  }

  static SyncEngine engine(AlayaCareConnector connector, InMemoryScheduleStore store, InMemoryIntegrationStore is) {
    return SyncEngine.builder("faults", connector).scheduleStore(store).integrationStore(is)
        .clock(AGENCY.clock()).pageSize(40).listener(ChangeListener.noop()).build();
  }

  static Map<RecordKey, String> hashes(InMemoryScheduleStore store) {
    Map<RecordKey, String> out = new TreeMap<>();
    store.snapshot().forEach((k, v) -> out.put(k, v.record().contentHash()));
    return out;
  }

  private SyncReport sync(AlayaCareConnectorConfig.Builder config) {
    try (AlayaCareConnector connector = AlayaCareConnector.create(config.build())) {
      return engine(connector, store, integrationStore).sync(branches);
    }
  }

  static Stream<Arguments> recoverable() {
    return Stream.of(
        Arguments.of("a 503 burst on visits", SimulatedFault.status(503).times(3).onPath("scheduler/visits"), 503),
        Arguments.of("502 with an HTML page", SimulatedFault.status(502,
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "text/html").times(2), 502),
        Arguments.of("429 with Retry-After", SimulatedFault.tooManyRequests(Duration.ofSeconds(1)).times(2)
            .onPath("employees/employee/"), 429),
        Arguments.of("a slow answer past the timeout", SimulatedFault.delay(Duration.ofMillis(1500))
            .onPath("patients/clients/").after(3), 200));
  }

  @ParameterizedTest(name = "{0}: retried, then complete and correct")
  @MethodSource("recoverable")
  void transientFaultsAreRetriedAndTheDataIsComplete(String name, SimulatedFault fault, int status) {
    SIM.inject(fault);
    SyncReport report = sync(Simulators.config(SIM).timeout(Duration.ofMillis(700)));
    assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
    assertThat(hashes(store)).isEqualTo(reference);
    assertThat(SIM.responses(status)).isPositive();
  }

  static Stream<Arguments> fatal() {
    return Stream.of(
        Arguments.of("5xx beyond every retry", SimulatedFault.status(503).times(50).onPath("scheduler/visits").after(2),
            ConnectionFailure.UNEXPECTED_RESPONSE, "answered 503"),
        Arguments.of("429 beyond every retry", SimulatedFault.tooManyRequests(Duration.ZERO).times(50)
            .onPath("scheduler/visits"), ConnectionFailure.RATE_LIMITED, "429 Too Many Requests"),
        Arguments.of("malformed JSON", SimulatedFault.malformedJson().onPath("employees/employees").after(1),
            ConnectionFailure.UNEXPECTED_RESPONSE, "not the JSON the API documents"),
        Arguments.of("credentials revoked mid-sync", SimulatedFault.status(401).times(50).after(30),
            ConnectionFailure.INVALID_CREDENTIALS, "key pair was rejected"),
        Arguments.of("permission removed mid-sync", SimulatedFault.status(403, "{\"error\": \"forbidden\", "
            + "\"message\": \"Missing permission scheduler.visits.read\"}", "application/json").times(50)
            .onPath("scheduler/visits"), ConnectionFailure.ACCESS_DENIED, "Missing permission scheduler.visits.read"));
  }

  @ParameterizedTest(name = "{0}: classified, nothing half-applied, the next sync completes")
  @MethodSource("fatal")
  void persistentFaultsFailClassifiedAndTheNextSyncCompletes(String name, SimulatedFault fault,
      ConnectionFailure category, String says) {
    SIM.inject(fault);
    AlayaCareConnectorConfig.Builder fastGiveUp = Simulators.config(SIM).retryPolicy(RetryPolicy.builder()
        .maxAttempts(3).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).build());
    SyncReport failed = sync(fastGiveUp);
    assertThat(failed.completed()).isFalse();
    assertThat(failed.failure()).hasValueSatisfying(m -> assertThat(m)
        .startsWith(category.label() + ": ").contains("127.0.0.1:" + SIM.port()).contains(says));
    // Nothing half-applied: whatever is stored is exactly what the source holds, and nothing was deleted.
    Map<RecordKey, String> partial = hashes(store);
    assertThat(reference.entrySet()).containsAll(partial.entrySet());

    SIM.reset();
    SyncReport resumed = sync(Simulators.config(SIM));
    assertThat(resumed.completed()).as(resumed.failure().orElse("")).isTrue();
    assertThat(hashes(store)).isEqualTo(reference);
  }

  static Stream<Arguments> badVisits() {
    String future = AGENCY.visits().filter(v -> v.start().isAfter(AGENCY.now())).map(Visit::id).findFirst()
        .orElseThrow();
    return Stream.of(
        Arguments.of(VisitCorruption.END_BEFORE_START, future, "end"),
        Arguments.of(VisitCorruption.NO_CLIENT_ID, future, "alayacare_client_id is missing"),
        Arguments.of(VisitCorruption.UNKNOWN_STATUS, future, "'rescheduled' is not one of AlayaCare's visit statuses"),
        Arguments.of(VisitCorruption.UNREADABLE_START, future, "start_at 'tomorrow morning' is not an ISO 8601"));
  }

  @ParameterizedTest(name = "a visit with bad data ({0}) is quarantined with the reason, the rest applied")
  @MethodSource("badVisits")
  void aVisitWithBadDataIsQuarantinedWithItsReason(VisitCorruption corruption, String agencyVisitId, String reason) {
    SIM.corruptVisit(agencyVisitId, corruption);
    SyncReport report = sync(Simulators.config(SIM));
    assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
    assertThat(report.quarantined()).isEqualTo(1);
    RecordKey bad = RecordKey.of(EntityType.VISIT, Long.toString(SIM.visitId(agencyVisitId)));
    List<QuarantinedRecord> quarantined = integrationStore.quarantined("faults");
    assertThat(quarantined).singleElement().satisfies(q -> {
      assertThat(q.key()).hasValue(bad);
      assertThat(q.reason()).contains(reason);
    });
    Map<RecordKey, String> expected = new TreeMap<>(reference);
    expected.remove(bad);
    assertThat(hashes(store)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "a {0} whose detail answers 404 is quarantined, the rest applied")
  @MethodSource("detailsThatVanish")
  void aRecordWhoseDetailAnswers404IsQuarantinedAndTheRestApplied(EntityType type, String detailPath, RecordKey key) {
    SIM.inject(SimulatedFault.status(404, "{\"code\": 404, \"message\": \"" + type.displayName() + " not found.\"}",
        "application/json").times(1000).onPath(detailPath));
    SyncReport report = sync(Simulators.config(SIM));
    assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
    assertThat(integrationStore.quarantined("faults")).singleElement().satisfies(q -> {
      assertThat(q.key()).hasValue(key);
      assertThat(q.reason()).contains("answered 404").contains(detailPath);
    });
    // Everything else is as a fault-free sync stores it; a vanished client's visits are placed by their routes.
    Map<RecordKey, String> expected = new TreeMap<>(reference);
    expected.remove(key);
    assertThat(hashes(store)).isEqualTo(expected);
    if (type == EntityType.CLIENT) {
      assertThat(SIM.responses(404)).isGreaterThan(1); // the client stream and the visits both asked
    }
  }

  static Stream<Arguments> detailsThatVanish() {
    // Not the first of its branch: that one also gives the branch its time zone.
    Client client = AGENCY.clients().stream().filter(c -> c.regionId().equals(AGENCY.regions().get(0).id())).skip(3)
        .filter(c -> c.postalCode() != null && AGENCY.visits().anyMatch(v -> v.clientId().equals(c.id())))
        .findFirst().orElseThrow();
    Caregiver caregiver = AGENCY.caregivers().stream().filter(c -> c.regionId().equals(AGENCY.regions().get(1).id()))
        .skip(3).findFirst().orElseThrow();
    return Stream.of(
        Arguments.of(EntityType.CLIENT, "patients/clients/" + SIM.clientId(client.id()), SIM.connectorKey(client)),
        Arguments.of(EntityType.CAREGIVER, "employees/employees/" + SIM.employeeId(caregiver.id()),
            SIM.connectorKey(caregiver)));
  }
}
