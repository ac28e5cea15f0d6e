package com.optimalworkforce.core.sync;

import static com.optimalworkforce.core.sync.SyncFixtures.agency;
import static com.optimalworkforce.core.sync.SyncFixtures.allRegions;
import static com.optimalworkforce.core.sync.SyncFixtures.connector;
import static com.optimalworkforce.core.sync.SyncFixtures.content;
import static com.optimalworkforce.core.sync.SyncFixtures.expected;
import static com.optimalworkforce.core.sync.SyncFixtures.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.optimalworkforce.core.connector.Page;
import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.QuarantinedRecord;
import com.optimalworkforce.core.sync.SyncFixtures.Around;
import com.optimalworkforce.core.sync.SyncFixtures.Recorder;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyncEngineTest {
  static final int PAGE = 40;

  final SyntheticAgency agency = agency(3);
  final MutableClock clock = MutableClock.at(agency.now());
  final InMemoryScheduleStore store = InMemoryScheduleStore.create();
  final InMemoryIntegrationStore integrationStore = InMemoryIntegrationStore.create();

  SyncEngine.Builder engine(com.optimalworkforce.core.connector.Connector connector, ChangeListener listener) {
    return SyncEngine.builder("acme", connector).scheduleStore(store).integrationStore(integrationStore).clock(clock)
        .pageSize(PAGE).listener(listener);
  }

  @Test
  void initialSyncStoresExactlyTheSelectedScopeAndReportsEveryRecordCreated() {
    String east = region(agency, 0);
    Recorder recorder = new Recorder();
    SyncReport report = engine(connector(agency).build(), recorder).build().sync(Set.of(east));

    Map<RecordKey, SourceRecord> expected = expected(agency, Set.of(east), SyncWindow.DEFAULT, clock);
    assertThat(report.completed()).as(report.failure().orElse("")).isTrue();
    assertThat(content(store)).isEqualTo(expected);
    assertThat(store.snapshot().values()).allSatisfy(s -> assertThat(s.regionId()).isEqualTo(east));
    assertThat(expected.keySet()).extracting(RecordKey::type).contains(EntityType.values());
    assertThat(report.recordsRead()).isEqualTo(expected.size());
    assertThat(report.created()).isEqualTo(expected.size());
    assertThat(report.updated() + report.unchanged() + report.deleted() + report.quarantined()).isZero();
    assertThat(report.pages()).isGreaterThan(10);
    assertThat(recorder.changes).hasSize(expected.size()).allMatch(Change::isCreate);
    assertThat(recorder.batchSizes).allMatch(n -> n <= PAGE);
  }

  @Test
  void aSecondSyncWithoutSourceChangesEmitsNothing() {
    Set<String> regions = allRegions(agency);
    engine(connector(agency).build(), ChangeListener.noop()).build().sync(regions);
    Recorder recorder = new Recorder();
    clock.advance(Duration.ofHours(2));

    SyncReport again = engine(connector(agency).build(), recorder).build().sync(regions);

    assertThat(again.completed()).isTrue();
    assertThat(again.runId()).isEqualTo(2);
    assertThat(again.unchanged()).isEqualTo(again.recordsRead()).isPositive();
    assertThat(again.changes()).isZero();
    assertThat(recorder.changes).isEmpty();
  }

  @Test
  void incrementalReReadProcessesExactlyTheChangedAndDeletedRecords() {
    Set<String> regions = allRegions(agency);
    engine(connector(agency).build(), ChangeListener.noop()).build().sync(regions);
    Map<RecordKey, SourceRecord> before = expected(agency, regions, SyncWindow.DEFAULT, clock);

    List<String> changed = agency.changeVisits(v -> true, 0.01, 7);
    List<String> deleted = agency.deleteVisits(v -> !changed.contains(v.id()), 5, 8);
    clock.advance(Duration.ofHours(1));
    Map<RecordKey, SourceRecord> after = expected(agency, regions, SyncWindow.DEFAULT, clock);
    Recorder recorder = new Recorder();
    SyncReport report = engine(connector(agency).build(), recorder).build().sync(regions);

    assertThat(report.completed()).isTrue();
    assertThat(content(store)).isEqualTo(after);
    Set<RecordKey> expectedUpdates = before.keySet().stream().filter(after::containsKey)
        .filter(k -> !before.get(k).contentHash().equals(after.get(k).contentHash())).collect(Collectors.toSet());
    Set<RecordKey> expectedDeletes = new HashSet<>(before.keySet());
    expectedDeletes.removeAll(after.keySet());
    assertThat(changed).isNotEmpty();
    assertThat(expectedUpdates).isEqualTo(changed.stream().map(id -> RecordKey.of(EntityType.VISIT, id))
        .collect(Collectors.toSet()));
    assertThat(expectedDeletes).containsAll(deleted.stream().map(id -> RecordKey.of(EntityType.VISIT, id)).toList());
    assertThat(recorder.keys("updated")).isEqualTo(expectedUpdates);
    assertThat(recorder.keys("deleted")).isEqualTo(expectedDeletes);
    assertThat(recorder.keys("created")).isEmpty();
    assertThat(recorder.changes).hasSize(expectedUpdates.size() + expectedDeletes.size());
    assertThat(recorder.ofKind("updated")).allSatisfy(c -> assertThat(c.before()).isEqualTo(before.get(c.key())));
    assertThat(report.unchanged()).isEqualTo(after.size() - expectedUpdates.size());
    assertThat(report.recordsRead()).isEqualTo(report.created() + report.updated() + report.unchanged()
        + report.quarantined());
  }

  @Test
  void aPartialRunNeverReportsDeletionsAndTheResumedRunDoes() {
    Set<String> regions = allRegions(agency);
    engine(connector(agency).build(), ChangeListener.noop()).build().sync(regions);
    List<String> deleted = agency.deleteVisits(v -> true, 4, 9);
    Recorder recorder = new Recorder();

    SyncReport partial = engine(connector(agency).crashAfterPages(6).build(), recorder).build().sync(regions);

    assertThat(partial.completed()).isFalse();
    assertThat(partial.failure()).get().asString().contains("Simulated crash");
    assertThat(recorder.changes).isEmpty();
    assertThat(store.get(RecordKey.of(EntityType.VISIT, deleted.get(0)))).isPresent();

    SyncReport resumed = engine(connector(agency).build(), recorder).build().sync(regions);

    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.runId()).isEqualTo(partial.runId());
    assertThat(recorder.keys("deleted")).containsAll(deleted.stream().map(id -> RecordKey.of(EntityType.VISIT, id))
        .toList());
    assertThat(recorder.changes).allMatch(Change::isDelete);
    assertThat(content(store)).isEqualTo(expected(agency, regions, SyncWindow.DEFAULT, clock));
  }

  @Test
  void malformedRecordsGoToQuarantineWithReasonAndSourceIdAndTheSyncGoesOn() {
    String east = region(agency, 0);
    Set<String> bad = agency.visits().filter(v -> v.regionId().equals(east)).limit(200).filter(v -> v.id().endsWith("7"))
        .map(Visit::id).collect(Collectors.toSet());
    SyncReport report = engine(connector(agency).reject(r -> bad.contains(r.id()), "end is before start").build(),
        ChangeListener.noop()).build().sync(Set.of(east));

    assertThat(report.completed()).isTrue();
    assertThat(bad).isNotEmpty();
    assertThat(report.quarantined()).isEqualTo(bad.size());
    assertThat(report.recordsRead()).isEqualTo(report.created() + report.updated() + report.unchanged()
        + report.quarantined());
    List<QuarantinedRecord> quarantined = integrationStore.quarantined("acme");
    assertThat(quarantined).extracting(QuarantinedRecord::sourceId).containsExactlyInAnyOrderElementsOf(bad);
    assertThat(quarantined).allSatisfy(q -> {
      assertThat(q.type()).isEqualTo(EntityType.VISIT);
      assertThat(q.regionId()).isEqualTo(east);
      assertThat(q.reason()).contains("Visit '" + q.sourceId() + "'").contains("end is before start");
    });
    assertThat(bad).allSatisfy(id -> assertThat(store.get(RecordKey.of(EntityType.VISIT, id))).isEmpty());

    // Fixed in the source: the next sync applies them and releases their quarantine entries.
    Recorder recorder = new Recorder();
    SyncReport fixed = engine(connector(agency).build(), recorder).build().sync(Set.of(east));
    assertThat(fixed.created()).isEqualTo(bad.size());
    assertThat(recorder.keys("created")).extracting(RecordKey::sourceId).containsExactlyInAnyOrderElementsOf(bad);
    assertThat(integrationStore.quarantined("acme")).isEmpty();
  }

  @Test
  void aRecordThatTurnsMalformedKeepsItsStoredVersionAndIsNotReportedDeleted() {
    String east = region(agency, 0);
    engine(connector(agency).build(), ChangeListener.noop()).build().sync(Set.of(east));
    Visit victim = agency.visits().filter(v -> v.regionId().equals(east)).findFirst().orElseThrow();
    Recorder recorder = new Recorder();

    SyncReport report = engine(connector(agency).reject(r -> r.id().equals(victim.id()), "status is unknown").build(),
        recorder).build().sync(Set.of(east));

    assertThat(report.completed()).isTrue();
    assertThat(report.quarantined()).isEqualTo(1);
    assertThat(recorder.changes).isEmpty();
    assertThat(store.get(victim.key())).contains(victim);
  }

  @Test
  void aRecordOfTheWrongTypeOnAPageIsQuarantined() {
    String east = region(agency, 0);
    Visit stray = agency.visits().filter(v -> !v.regionId().equals(east)).findFirst().orElseThrow();
    Around mixing = new Around(connector(agency).build(), r -> { }) {
      @Override
      public Page read(ReadRequest request) {
        Page page = super.read(request);
        if (request.type() != EntityType.CLIENT || request.cursor() != null) {
          return page;
        }
        List<SourceRecord> records = new ArrayList<>(page.records());
        records.add(stray);
        return Page.of(records, page.rejected(), page.nextCursor(), page.totalRecords());
      }
    };
    SyncReport report = engine(mixing, ChangeListener.noop()).build().sync(Set.of(east));

    assertThat(report.quarantined()).isEqualTo(1);
    assertThat(integrationStore.quarantined("acme")).singleElement().satisfies(q -> {
      assertThat(q.sourceId()).isEqualTo(stray.id());
      assertThat(q.reason()).contains("arrived on the Client stream");
    });
    assertThat(store.get(stray.key())).isEmpty();
  }

  @Test
  void aRecordRepeatedAcrossPagesIsAppliedAndReportedOnce() {
    Set<String> regions = allRegions(agency);
    SourceRecord[] carry = new SourceRecord[1];
    Around repeating = new Around(connector(agency).build(), r -> { }) {
      @Override
      public Page read(ReadRequest request) {
        Page page = super.read(request);
        List<SourceRecord> records = new ArrayList<>(page.records());
        if (request.cursor() != null && carry[0] != null && carry[0].type() == request.type()) {
          records.add(0, carry[0]);
        }
        carry[0] = page.records().isEmpty() ? null : page.records().get(page.records().size() - 1);
        return Page.of(records, page.rejected(), page.nextCursor(), page.totalRecords());
      }
    };
    Recorder recorder = new Recorder();
    SyncReport report = engine(repeating, recorder).build().sync(regions);

    Map<RecordKey, SourceRecord> expected = expected(agency, regions, SyncWindow.DEFAULT, clock);
    assertThat(content(store)).isEqualTo(expected);
    assertThat(recorder.changes).hasSize(expected.size());
    assertThat(report.created()).isEqualTo(expected.size());
    assertThat(report.unchanged()).isEqualTo(report.recordsRead() - expected.size()).isPositive();
  }

  @Test
  void aSecondSyncRequestIsRefusedWhileOneRuns() throws Exception {
    CountDownLatch inRead = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Around blocking = new Around(connector(agency).build(), r -> {
      inRead.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    SyncEngine first = engine(blocking, ChangeListener.noop()).build();
    CompletableFuture<SyncReport> running = CompletableFuture.supplyAsync(() -> first.sync(allRegions(agency)));
    assertThat(inRead.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(first.isSyncing()).isTrue();
    assertThatThrownBy(() -> first.sync(allRegions(agency)))
        .isInstanceOf(SyncAlreadyRunningException.class)
        .hasMessageContaining("Integration 'acme' is already syncing");
    SyncEngine other = engine(connector(agency).build(), ChangeListener.noop()).build();
    assertThatThrownBy(() -> other.sync(allRegions(agency))).isInstanceOf(SyncAlreadyRunningException.class);
    assertThatThrownBy(() -> other.removeRegion(region(agency, 0))).isInstanceOf(SyncAlreadyRunningException.class);
    assertThat(blocking.requests).hasSize(1);

    release.countDown();
    assertThat(running.get(30, TimeUnit.SECONDS).completed()).isTrue();
    assertThat(first.isSyncing()).isFalse();
    assertThat(other.sync(allRegions(agency)).completed()).isTrue();
  }

  @Test
  void twoFileStoreInstancesOverOneDirectoryShareTheSyncLock(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    com.optimalworkforce.core.security.CredentialVault vault = com.optimalworkforce.core.security.CredentialVault
        .create(com.optimalworkforce.core.security.KeyProvider.of("k1", new byte[32]));
    CountDownLatch inRead = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Around blocking = new Around(connector(agency).build(), r -> {
      inRead.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    SyncEngine first = SyncEngine.builder("acme", blocking).scheduleStore(store)
        .integrationStore(com.optimalworkforce.core.store.FileIntegrationStore.open(dir, vault)).clock(clock)
        .pageSize(PAGE).build();
    // e.g. a second Integration built over the same directory
    SyncEngine second = SyncEngine.builder("acme", connector(agency).build()).scheduleStore(store)
        .integrationStore(com.optimalworkforce.core.store.FileIntegrationStore.open(dir, vault)).clock(clock)
        .pageSize(PAGE).build();
    CompletableFuture<SyncReport> running = CompletableFuture.supplyAsync(() -> first.sync(allRegions(agency)));
    assertThat(inRead.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(second.isSyncing()).isTrue();
    assertThatThrownBy(() -> second.sync(allRegions(agency))).isInstanceOf(SyncAlreadyRunningException.class)
        .hasMessageContaining("already syncing");

    release.countDown();
    assertThat(running.get(30, TimeUnit.SECONDS).completed()).isTrue();
    assertThat(second.isSyncing()).isFalse();
    assertThat(second.sync(allRegions(agency)).completed()).isTrue();
  }

  @Test
  void progressReportsPagesRecordsPercentAndEtaFromTheClock() {
    String east = region(agency, 0);
    List<SyncProgress> seen = new ArrayList<>();
    SyncEngine engine = engine(Around.advancing(connector(agency).build(), clock, Duration.ofSeconds(2)),
        ChangeListener.noop()).build();

    SyncReport report = engine.sync(Set.of(east), seen::add);

    assertThat(seen).hasSize((int) report.pages());
    List<SyncProgress> visits = seen.stream().filter(p -> p.type() == EntityType.VISIT).toList();
    assertThat(visits.size()).isGreaterThan(3);
    SyncProgress first = visits.get(0);
    SyncProgress last = visits.get(visits.size() - 1);
    long total = agency.select(EntityType.VISIT, Set.of(east), SyncWindow.DEFAULT.at(clock.instant())).count();
    assertThat(first.streamTotal()).isEqualTo(total);
    assertThat(first.percent().orElseThrow()).isCloseTo(100.0 * PAGE / total, org.assertj.core.data.Offset.offset(1.0));
    // 2 s a page of 40: the rest of the stream at the same rate.
    double pagesLeft = (double) (total - first.streamRecords()) / first.streamRecords();
    assertThat(first.remaining().orElseThrow().toMillis()).isCloseTo((long) (pagesLeft * 2000),
        org.assertj.core.data.Offset.offset(50L));
    assertThat(last.percent().orElseThrow()).isEqualTo(100.0);
    assertThat(last.remaining()).contains(Duration.ZERO);
    assertThat(last.streamRecords()).isEqualTo(total);
    assertThat(seen).extracting(SyncProgress::pages).isSorted();
    assertThat(seen.get(seen.size() - 1).records()).isEqualTo(report.recordsRead());
    assertThat(seen).allSatisfy(p -> assertThat(p.streamCount()).isEqualTo(EntityType.values().length));
  }

  @Test
  void withoutTotalsProgressHasNoPercentOrEta() {
    List<SyncProgress> seen = new ArrayList<>();
    engine(connector(agency).totals(false).build(), ChangeListener.noop()).build()
        .sync(Set.of(region(agency, 0)), seen::add);
    assertThat(seen).isNotEmpty().allSatisfy(p -> {
      assertThat(p.percent()).isEmpty();
      assertThat(p.remaining()).isEmpty();
      assertThat(p.streamRecords()).isPositive();
    });
  }

  @Test
  void removingARegionDeletesItsRecordsAndReportsEachDeletion() {
    Set<String> regions = allRegions(agency);
    String east = region(agency, 0);
    String west = region(agency, 1);
    engine(connector(agency).build(), ChangeListener.noop()).build().sync(regions);
    Map<RecordKey, SourceRecord> westOnly = expected(agency, Set.of(west), SyncWindow.DEFAULT, clock);
    long eastCount = store.snapshot().values().stream().filter(s -> s.regionId().equals(east)).count();
    Recorder recorder = new Recorder();

    long removed = engine(connector(agency).build(), recorder).build().removeRegion(east);

    assertThat(removed).isEqualTo(eastCount).isPositive();
    assertThat(recorder.changes).hasSize((int) eastCount).allMatch(Change::isDelete);
    assertThat(content(store)).isEqualTo(westOnly);
    // Syncing the west region again changes nothing.
    Recorder after = new Recorder();
    assertThat(engine(connector(agency).build(), after).build().sync(Set.of(west)).changes()).isZero();
  }

  @Test
  void aFailingListenerIsCountedAndDoesNotStopTheSyncOrOtherListeners() {
    Recorder recorder = new Recorder();
    SyncReport report = engine(connector(agency).build(), changes -> {
      throw new IllegalStateException("listener bug");
    }).listener(recorder).build().sync(Set.of(region(agency, 0)));

    assertThat(report.completed()).isTrue();
    assertThat(report.listenerFailures()).isEqualTo(recorder.batchSizes.size()).isPositive();
    assertThat(recorder.changes).hasSize((int) report.created());
  }

  @Test
  void aValidatorRejectionIsQuarantined() {
    RecordValidator noSaturdays = r -> r instanceof Visit v && v.localStart().getDayOfWeek() == java.time.DayOfWeek.SATURDAY
        ? Optional.of("Visit '" + v.id() + "': Saturday visits are not billable here") : Optional.empty();
    SyncReport report = engine(connector(agency).build(), ChangeListener.noop()).validator(noSaturdays).build()
        .sync(Set.of(region(agency, 0)));
    assertThat(report.quarantined()).isPositive();
    assertThat(integrationStore.quarantined("acme")).allSatisfy(q -> assertThat(q.reason()).contains("Saturday"));
    assertThat(content(store).values()).noneMatch(r -> r instanceof Visit v
        && v.localStart().getDayOfWeek() == java.time.DayOfWeek.SATURDAY);
  }

  @Test
  void syncingNoRegionIsAClearError() {
    SyncEngine engine = engine(connector(agency).build(), ChangeListener.noop()).build();
    assertThatThrownBy(() -> engine.sync(Set.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no region selected");
  }
}
