package com.optimalworkforce.core.sync;

import static com.optimalworkforce.core.sync.SyncFixtures.agency;
import static com.optimalworkforce.core.sync.SyncFixtures.allRegions;
import static com.optimalworkforce.core.sync.SyncFixtures.connector;
import static com.optimalworkforce.core.sync.SyncFixtures.content;
import static com.optimalworkforce.core.sync.SyncFixtures.expected;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.connector.ReadRequest;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.SyncFixtures.Around;
import com.optimalworkforce.core.sync.SyncFixtures.Recorder;
import com.optimalworkforce.testkit.ChangeJournal;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Sources that answer "changed since" are read with it; deletions need a FULL sync there. */
class ServerSideIncrementalSyncTest {
  final SyntheticAgency agency = agency(11);
  final MutableClock clock = MutableClock.at(agency.now());
  final ChangeJournal journal = ChangeJournal.start(agency, clock);
  final InMemoryScheduleStore store = InMemoryScheduleStore.create();
  final InMemoryIntegrationStore integrationStore = InMemoryIntegrationStore.create();

  {
    clock.advance(Duration.ofHours(1)); // the source's records were last modified well before the first sync
  }

  SyncEngine engine(Around connector, Recorder recorder) {
    return SyncEngine.builder("fhir", connector).scheduleStore(store).integrationStore(integrationStore).clock(clock)
        .pageSize(50).incrementalOverlap(Duration.ofMinutes(1)).listener(recorder).build();
  }

  Around tracked() {
    return new Around(connector(agency).changeTracking(journal).build(), r -> clock.advance(Duration.ofSeconds(1)));
  }

  @Test
  void theSecondSyncAsksOnlyForChangesSinceTheFirstAndGetsExactlyThem() {
    Set<String> regions = allRegions(agency);
    Around first = tracked();
    Instant firstStart = clock.instant();
    SyncReport initial = engine(first, new Recorder()).sync(regions);
    assertThat(initial.completed()).isTrue();
    assertThat(first.requests).allMatch(r -> r.changedSince() == null);

    clock.advance(Duration.ofHours(3));
    List<String> changed = agency.changeVisits(v -> true, 0.02, 5);
    clock.advance(Duration.ofMinutes(10));
    Around second = tracked();
    Recorder recorder = new Recorder();
    SyncReport incremental = engine(second, recorder).sync(regions);

    assertThat(incremental.completed()).isTrue();
    assertThat(second.requests).isNotEmpty().allSatisfy(r -> assertThat(r.changedSince())
        .isEqualTo(firstStart.minus(Duration.ofMinutes(1))));
    assertThat(recorder.keys("updated")).isEqualTo(changed.stream().map(id -> RecordKey.of(EntityType.VISIT, id))
        .collect(Collectors.toSet()));
    assertThat(recorder.changes).hasSize(changed.size());
    assertThat(incremental.recordsRead()).isEqualTo(changed.size());
    assertThat(content(store)).isEqualTo(expected(agency, regions, SyncWindow.DEFAULT, clock));
  }

  @Test
  void deletionsAreFoundByAFullSyncNotByChangedSinceReads() {
    Set<String> regions = allRegions(agency);
    engine(tracked(), new Recorder()).sync(regions);
    List<String> deleted = agency.deleteVisits(v -> true, 3, 4);
    clock.advance(Duration.ofHours(1));

    Recorder incremental = new Recorder();
    engine(tracked(), incremental).sync(regions);
    assertThat(incremental.changes).isEmpty();

    Recorder full = new Recorder();
    Around fullRead = tracked();
    SyncReport report = engine(fullRead, full).sync(regions, SyncMode.FULL, SyncProgressListener.noop());
    assertThat(report.mode()).isEqualTo(SyncMode.FULL);
    assertThat(fullRead.requests).allMatch(r -> r.changedSince() == null);
    assertThat(full.keys("deleted")).containsAll(deleted.stream().map(id -> RecordKey.of(EntityType.VISIT, id)).toList());
    assertThat(content(store)).isEqualTo(expected(agency, regions, SyncWindow.DEFAULT, clock));
  }

  @Test
  void scheduleThatSlidesIntoTheWindowIsReadInFullEvenIfUnchanged() {
    SyncWindow narrow = SyncWindow.of(Duration.ofDays(3), Duration.ofDays(3));
    Set<String> regions = allRegions(agency);
    SyncEngine.Builder b = SyncEngine.builder("fhir", tracked()).scheduleStore(store)
        .integrationStore(integrationStore).clock(clock).window(narrow).pageSize(50);
    b.build().sync(regions);
    clock.advance(Duration.ofDays(2));
    Around second = tracked();
    Recorder recorder = new Recorder();

    SyncReport report = b.connector(second).listener(recorder).build().sync(regions);

    assertThat(report.completed()).isTrue();
    List<ReadRequest> visitReads = second.requests.stream().filter(r -> r.type() == EntityType.VISIT).toList();
    assertThat(visitReads).anyMatch(r -> r.changedSince() != null).anyMatch(r -> r.changedSince() == null);
    assertThat(recorder.changes).isNotEmpty().allMatch(c -> c.isCreate());
    // Everything of the new window is there (older schedule is kept as history).
    assertThat(content(store)).containsAllEntriesOf(expected(agency, regions, narrow, clock));
  }
}
