package com.optimalworkforce.connectors.alayacare;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.CallOut;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Client;
import com.optimalworkforce.core.model.PersonName;
import com.optimalworkforce.core.model.Change;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.store.InMemoryIntegrationStore;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.sync.ChangeListener;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import com.optimalworkforce.testkit.MutableClock;
import com.optimalworkforce.testkit.SyntheticAgency;
import com.optimalworkforce.testkit.alayacare.AlayaCareSimulator;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AlayaCare has no "changed since": the sync engine re-reads the window and diffs content hashes.
 * The connector's reads must make that exact: a second sync after 1% of the visits changed and a
 * few were deleted delivers exactly those changes and deletions, nothing else.
 */
class AlayaCareIncrementalSyncTest {
  final SyntheticAgency agency = SyntheticAgency.builder().seed(11).regions(2).clients(48).caregivers(24)
      .weeksOfHistory(2).weeksAhead(1).build();
  final AlayaCareSimulator sim = AlayaCareSimulator.start(agency);
  final MutableClock clock = MutableClock.at(agency.now());
  final InMemoryScheduleStore store = InMemoryScheduleStore.create();
  final InMemoryIntegrationStore integrationStore = InMemoryIntegrationStore.create();

  @AfterEach
  void stop() {
    sim.close();
  }

  private SyncReport sync(ChangeListener listener) {
    try (AlayaCareConnector connector = Simulators.connector(sim)) {
      Set<String> branches = connector.listRegions().stream().map(r -> r.id()).collect(Collectors.toSet());
      return SyncEngine.builder("alayacare-test", connector).scheduleStore(store).integrationStore(integrationStore)
          .clock(clock).pageSize(50).listener(listener).build().sync(branches);
    }
  }

  @Test
  void aSecondSyncProcessesExactlyTheChangedAndDeletedVisits() {
    SyncReport first = sync(ChangeListener.noop());
    assertThat(first.completed()).as(first.failure().orElse("")).isTrue();
    assertThat(first.created()).isGreaterThan(500);
    int storedBefore = store.size();

    Set<RecordKey> keysBefore = new HashSet<>(store.snapshot().keySet());
    List<String> changed = agency.changeVisits(v -> true, 0.01, 7);
    List<String> deleted = agency.deleteVisits(v -> !changed.contains(v.id()), 5, 8);
    clock.advance(Duration.ofMinutes(30));
    SyncRecorder recorder = new SyncRecorder();
    SyncReport second = sync(recorder);

    assertThat(second.completed()).as(second.failure().orElse("")).isTrue();
    assertThat(changed).hasSizeGreaterThan(4);
    Set<RecordKey> expectedUpdates = changed.stream()
        .map(id -> sim.connectorKey(agency.visit(id).orElseThrow())).collect(Collectors.toSet());
    Set<RecordKey> expectedDeletes = new HashSet<>();
    for (String id : deleted) {
      String alayacareId = Long.toString(sim.visitId(id));
      expectedDeletes.add(RecordKey.of(EntityType.VISIT, alayacareId));
      // A deleted visit that was a call-out takes its call-out with it.
      RecordKey callOut = RecordKey.of(EntityType.CALL_OUT, alayacareId);
      if (keysBefore.contains(callOut)) {
        expectedDeletes.add(callOut);
      }
    }
    assertThat(keysBefore).containsAll(expectedUpdates).containsAll(expectedDeletes);
    assertThat(recorder.keys(Change::isUpdate)).isEqualTo(expectedUpdates);
    assertThat(recorder.keys(Change::isDelete)).isEqualTo(expectedDeletes);
    assertThat(recorder.keys(Change::isCreate)).isEmpty();
    assertThat(second.updated()).isEqualTo(changed.size());
    assertThat(second.deleted()).isEqualTo(expectedDeletes.size());
    assertThat(store.size()).isEqualTo(storedBefore - expectedDeletes.size());
    assertThat(recorder.changes).filteredOn(Change::isUpdate).allSatisfy(c -> {
      Visit before = (Visit) c.before();
      Visit after = (Visit) c.after();
      assertThat(after.end()).isEqualTo(before.end().plus(Duration.ofMinutes(15)));
    });
  }

  @Test
  void aChangedClientAndCaregiverAreTheOnlyUpdatesOfTheSecondSync() {
    assertThat(sync(ChangeListener.noop()).completed()).isTrue();
    Client client = agency.clients().get(3);
    Caregiver caregiver = agency.caregivers().get(5);
    agency.put(client.toBuilder().name(PersonName.of("Renamed", client.name().family())).build());
    agency.put(caregiver.toBuilder().skills(Set.of("Hoyer lift", "Dementia care", "Palliative")).build());
    clock.advance(Duration.ofMinutes(30));
    SyncRecorder recorder = new SyncRecorder();
    SyncReport second = sync(recorder);
    assertThat(second.completed()).as(second.failure().orElse("")).isTrue();
    assertThat(recorder.keys(Change::isUpdate)).containsExactlyInAnyOrder(sim.connectorKey(client),
        sim.connectorKey(caregiver));
    assertThat(recorder.keys(c -> !c.isUpdate())).isEmpty();
    assertThat(((Client) store.snapshot().get(sim.connectorKey(client)).record()).name().given()).isEqualTo("Renamed");
  }

  @Test
  void aSyncWithNothingChangedDeliversNothing() {
    assertThat(sync(ChangeListener.noop()).completed()).isTrue();
    SyncRecorder recorder = new SyncRecorder();
    SyncReport again = sync(recorder);
    assertThat(again.completed()).isTrue();
    assertThat(again.changes()).isZero();
    assertThat(recorder.changes).isEmpty();
    assertThat(store.snapshot().keySet()).anyMatch(k -> k.type() == EntityType.CALL_OUT)
        .anyMatch(k -> k.type() == EntityType.UNAVAILABILITY);
    assertThat(agency.callOuts().map(CallOut::id)).isNotEmpty();
  }
}
