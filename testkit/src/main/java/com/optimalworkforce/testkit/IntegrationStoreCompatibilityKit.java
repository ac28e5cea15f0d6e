package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.aggregate.AggregateSnapshot;
import com.optimalworkforce.core.aggregate.Aggregator;
import com.optimalworkforce.core.aggregate.PrivacyPolicy;
import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.store.InMemoryScheduleStore;
import com.optimalworkforce.core.store.IntegrationRecord;
import com.optimalworkforce.core.store.IntegrationState;
import com.optimalworkforce.core.store.IntegrationStore;
import com.optimalworkforce.core.store.QuarantinedRecord;
import com.optimalworkforce.core.sync.ChangeListener;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link IntegrationStore} must meet, as a JUnit 5 suite a store's test
 * extends: what is saved comes back exactly (also after reopening), checkpoints are replaced
 * atomically and kept per integration, the quarantine replaces by identity and releases by key,
 * snapshots come back equal, deleting removes everything, and a sync that crashed resumes from the store.
 *
 * <pre>{@code
 * class PostgresIntegrationStoreTest extends IntegrationStoreCompatibilityKit {
 *   protected IntegrationStore newStore() { return new PostgresIntegrationStore(dataSource, "test_" + UUID.randomUUID()); }
 *   protected IntegrationStore reopen(IntegrationStore store) { return new PostgresIntegrationStore(dataSource, schemaOf(store)); }
 * }
 * }</pre>
 *
 * <p>{@link #reopen} stands for a process restart: return a new instance over the same data (the
 * default returns the same instance, for stores that live in memory).
 */
public abstract class IntegrationStoreCompatibilityKit {
  static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

  private final List<IntegrationStore> opened = new ArrayList<>();

  /** A new, empty store. */
  protected abstract IntegrationStore newStore();

  /** The same data as a restarted process sees it; default: the same instance. */
  protected IntegrationStore reopen(IntegrationStore store) {
    return store;
  }

  private IntegrationStore store() {
    IntegrationStore s = newStore();
    opened.add(s);
    return s;
  }

  private IntegrationStore reopened(IntegrationStore store) {
    IntegrationStore s = reopen(store);
    opened.add(s);
    return s;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(IntegrationStore::close);
    opened.clear();
  }

  static IntegrationRecord record(String id) {
    return IntegrationRecord.create(id, "alayacare", Map.of("tenant", "acme", "region-note", "Ontario \u00e9t\u00e9"))
        .withSelectedRegions(Set.of("toronto-east", "ottawa"));
  }

  @Test
  @DisplayName("a saved record comes back field for field, also after reopening")
  void savedRecordRoundTrips() {
    IntegrationStore store = store();
    IntegrationRecord full = record("acme-east").withInitialSyncCompleted(true).withLastSyncFinished(T0)
        .withError("Invalid credentials: the key pair was rejected (401). Check the keys.");
    store.save(full);
    store.save(record("acme-west"));

    assertThat(store.find("acme-east")).contains(full);
    IntegrationStore again = reopened(store);
    assertThat(again.find("acme-east")).contains(full);
    assertThat(again.find("acme-west")).contains(record("acme-west"));
    assertThat(again.find("nobody")).isEmpty();
    assertThat(again.integrationIds()).containsExactlyInAnyOrder("acme-east", "acme-west");
  }

  @Test
  @DisplayName("saving a record with the same id replaces it")
  void saveReplaces() {
    IntegrationStore store = store();
    store.save(record("acme"));
    IntegrationRecord changed = record("acme").withSelectedRegions(Set.of("ottawa")).withState(IntegrationState.DISCONNECTED);
    store.save(changed);
    assertThat(reopened(store).find("acme")).contains(changed);
    assertThat(store.integrationIds()).containsExactly("acme");
  }

  @Test
  @DisplayName("a checkpoint comes back exactly; the last one saved wins; each integration has its own")
  void checkpointsRoundTripAndLatestWins() {
    IntegrationStore store = store();
    String big = "{\"pending\":\"" + "x\u00e9\u4e2d".repeat(200_000) + "\"}";
    store.saveCheckpoint("a", "{\"page\":1}");
    store.saveCheckpoint("b", "{\"page\":7}");
    store.saveCheckpoint("a", big);

    IntegrationStore again = reopened(store);
    assertThat(again.checkpoint("a")).contains(big);
    assertThat(again.checkpoint("b")).contains("{\"page\":7}");
    assertThat(again.checkpoint("c")).isEmpty();
  }

  @Test
  @DisplayName("checkpoints saved concurrently leave one complete value, never a mix")
  void concurrentCheckpointsLeaveOneCompleteValue() {
    IntegrationStore store = store();
    List<String> values = IntStream.range(0, 8).mapToObj(i -> String.valueOf((char) ('a' + i)).repeat(50_000)).toList();
    CompletableFuture.allOf(values.stream().map(v -> CompletableFuture.runAsync(() -> store.saveCheckpoint("x", v)))
        .toArray(CompletableFuture[]::new)).join();
    assertThat(reopened(store).checkpoint("x")).get().isIn(values);
  }

  @Test
  @DisplayName("sealed credentials come back byte for byte and cannot be changed through the arrays")
  void credentialsRoundTrip() {
    IntegrationStore store = store();
    byte[] sealed = new byte[300];
    for (int i = 0; i < sealed.length; i++) {
      sealed[i] = (byte) (i * 7);
    }
    store.saveCredentials("acme", sealed);
    byte[] expected = sealed.clone();
    sealed[0] = 42;
    assertThat(store.credentials("acme")).get().isEqualTo(expected);
    store.credentials("acme").orElseThrow()[1] = 42;
    assertThat(reopened(store).credentials("acme")).get().isEqualTo(expected);
    assertThat(store.credentials("other")).isEmpty();
  }

  @Test
  @DisplayName("the quarantine replaces an entry of the same identity, keeps order and releases by key")
  void quarantineReplacesAndReleases() {
    IntegrationStore store = store();
    QuarantinedRecord v1 = QuarantinedRecord.of(EntityType.VISIT, "V1", "east", "Visit 'V1': end is before start", T0);
    QuarantinedRecord v2 = QuarantinedRecord.of(EntityType.VISIT, "V2", "east", "Visit 'V2': status is unknown", T0);
    QuarantinedRecord noId = QuarantinedRecord.of(EntityType.CLIENT, null, "east", "Client (no id): id is missing", T0);
    store.quarantine("acme", List.of(v1, v2));
    store.quarantine("acme", List.of(noId, QuarantinedRecord.of(EntityType.VISIT, "V1", "east",
        "Visit 'V1': end is before start", T0.plusSeconds(60))));
    store.quarantine("other", List.of(v2));

    IntegrationStore again = reopened(store);
    assertThat(again.quarantined("acme")).extracting(QuarantinedRecord::sourceId).containsExactly("V1", "V2", null);
    assertThat(again.quarantined("acme").get(0).quarantinedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(again.quarantineCount("acme")).isEqualTo(3);

    again.release("acme", List.of(RecordKey.of(EntityType.VISIT, "V1"), RecordKey.of(EntityType.CLIENT, "V2")));
    assertThat(reopened(again).quarantined("acme")).containsExactly(v2, noId);
    assertThat(again.quarantined("other")).containsExactly(v2);
    again.clearQuarantine("acme");
    assertThat(reopened(again).quarantined("acme")).isEmpty();
    assertThat(again.quarantined("other")).containsExactly(v2);
  }

  @Test
  @DisplayName("the latest aggregate snapshot comes back equal; the last one saved wins")
  void snapshotsRoundTrip() {
    SyntheticAgency agency = SyntheticAgency.builder().seed(8).regions(1).clients(40).caregivers(20)
        .weeksOfHistory(1).weeksAhead(1).build();
    Aggregator aggregator = Aggregator.builder().clock(agency.clock()).build();
    aggregator.addAll(agency.clients());
    AggregateSnapshot first = aggregator.snapshot(PrivacyPolicy.ofDefaults());
    aggregator.addAll(agency.visits());
    AggregateSnapshot second = aggregator.snapshot(PrivacyPolicy.ofDefaults());
    IntegrationStore store = store();
    store.saveSnapshot("acme", first);
    store.saveSnapshot("acme", second);
    store.saveSnapshot("other", first);
    IntegrationStore again = reopened(store);
    assertThat(again.snapshot("acme")).contains(second);
    assertThat(again.snapshot("other")).contains(first);
    assertThat(again.snapshot("nobody")).isEmpty();
    again.delete("acme");
    assertThat(reopened(again).snapshot("acme")).isEmpty();
  }

  @Test
  @DisplayName("the sealed release state and rounding key come back byte for byte after a restart; the last saved wins")
  void releaseStateAndRoundingKeyRoundTrip() {
    IntegrationStore store = store();
    store.saveReleaseState("acme", new byte[] {1, 2, 3});
    store.saveReleaseState("acme", new byte[] {4, 5});
    store.saveReleaseState("other", new byte[] {6});
    byte[] key = {7, 8, 9};
    store.saveRoundingKey("acme", key);
    key[0] = 0; // the store keeps what was saved, not the caller's array
    IntegrationStore again = reopened(store);
    assertThat(again.releaseState("acme")).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
    assertThat(again.releaseState("other")).hasValueSatisfying(b -> assertThat(b).containsExactly(6));
    assertThat(again.releaseState("nobody")).isEmpty();
    assertThat(again.roundingKey("acme")).as("rounding key after a restart")
        .hasValueSatisfying(b -> assertThat(b).containsExactly(7, 8, 9));
    assertThat(again.roundingKey("other")).isEmpty();
  }

  @Test
  @DisplayName("deleting an integration removes everything stored for it, and nothing else")
  void deleteRemovesEverything() {
    IntegrationStore store = store();
    for (String id : List.of("gone", "kept")) {
      store.save(record(id));
      store.saveCredentials(id, new byte[] {1, 2, 3});
      store.saveCheckpoint(id, "{}");
      store.quarantine(id, List.of(QuarantinedRecord.of(EntityType.VISIT, "V1", "east", "bad", T0)));
      store.saveReleaseState(id, new byte[] {4});
      store.saveRoundingKey(id, new byte[] {5});
    }
    store.delete("gone");

    IntegrationStore again = reopened(store);
    assertThat(again.find("gone")).isEmpty();
    assertThat(again.credentials("gone")).isEmpty();
    assertThat(again.checkpoint("gone")).isEmpty();
    assertThat(again.quarantined("gone")).isEmpty();
    assertThat(again.releaseState("gone")).isEmpty();
    assertThat(again.roundingKey("gone")).isEmpty();
    assertThat(again.integrationIds()).containsExactly("kept");
    assertThat(again.checkpoint("kept")).contains("{}");
    assertThat(again.quarantined("kept")).hasSize(1);
    assertThat(again.releaseState("kept")).isPresent();
    assertThat(again.roundingKey("kept")).isPresent();
  }

  @Test
  @DisplayName("a sync that crashed between pages resumes from the store and ends as an uninterrupted one")
  void syncResumesFromThisStore() {
    SyntheticAgency agency = SyntheticAgency.builder().seed(21).regions(1).clients(24).caregivers(12)
        .weeksOfHistory(1).weeksAhead(1).build();
    Set<String> regions = Set.of(agency.regions().get(0).id());
    InMemoryScheduleStore reference = InMemoryScheduleStore.create();
    SyncEngine.builder("kit", InMemoryConnector.builder(agency).apiKey(agency.apiKey()).build())
        .scheduleStore(reference).clock(agency.clock()).pageSize(25).build().sync(regions);

    IntegrationStore store = store();
    InMemoryScheduleStore schedule = InMemoryScheduleStore.create();
    SyncReport crashed = SyncEngine.builder("kit", InMemoryConnector.builder(agency).apiKey(agency.apiKey())
        .crashAfterPages(4).build()).integrationStore(store).scheduleStore(schedule).clock(agency.clock()).pageSize(25)
        .listener(ChangeListener.noop()).build().sync(regions);
    assertThat(crashed.completed()).isFalse();
    SyncReport resumed = SyncEngine.builder("kit", InMemoryConnector.builder(agency).apiKey(agency.apiKey()).build())
        .integrationStore(reopened(store)).scheduleStore(schedule).clock(agency.clock()).pageSize(25).build()
        .sync(regions);

    assertThat(resumed.resumed()).as("resumed from the saved checkpoint").isTrue();
    assertThat(resumed.completed()).isTrue();
    assertThat(schedule.snapshot()).isEqualTo(reference.snapshot());
  }
}
