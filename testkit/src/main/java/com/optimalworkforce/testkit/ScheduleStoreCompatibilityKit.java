package com.optimalworkforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.Region;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.core.store.ScheduleWrite;
import com.optimalworkforce.core.store.StoredRecord;
import com.optimalworkforce.core.sync.SyncEngine;
import com.optimalworkforce.core.sync.SyncReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ScheduleStore} must meet, as a JUnit 5 suite a store's test extends:
 * upserts return the previous version, batches are idempotent, queries answer by type, region and
 * the read-window rule, in key order, and everything survives a reopen.
 *
 * <pre>{@code
 * class MyScheduleStoreTest extends ScheduleStoreCompatibilityKit {
 *   protected ScheduleStore newStore() { return MyScheduleStore.create(dataSource, "test_" + UUID.randomUUID()); }
 *   protected ScheduleStore reopen(ScheduleStore store) { store.close(); return MyScheduleStore.open(...); }
 * }
 * }</pre>
 */
public abstract class ScheduleStoreCompatibilityKit {
  static final SyntheticAgency AGENCY = SyntheticAgency.builder().seed(17).regions(2).clients(30).caregivers(24)
      .weeksOfHistory(1).weeksAhead(1).build();

  private final List<ScheduleStore> opened = new ArrayList<>();

  /** A new, empty store. */
  protected abstract ScheduleStore newStore();

  /** The same data as a restarted process sees it (close the old instance if needed); default: the same instance. */
  protected ScheduleStore reopen(ScheduleStore store) {
    return store;
  }

  private ScheduleStore store() {
    ScheduleStore s = newStore();
    opened.add(s);
    return s;
  }

  private ScheduleStore reopened(ScheduleStore store) {
    ScheduleStore s = reopen(store);
    opened.add(s);
    return s;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(ScheduleStore::close);
    opened.clear();
  }

  private static Map<RecordKey, StoredRecord> content(ScheduleStore store, ScheduleQuery q) {
    Map<RecordKey, StoredRecord> out = new TreeMap<>();
    try (Stream<StoredRecord> s = store.query(q)) {
      s.forEach(r -> out.put(r.key(), r));
    }
    return out;
  }

  private static ScheduleStore fill(ScheduleStore store) {
    List<ScheduleWrite> batch = new ArrayList<>();
    for (Region region : AGENCY.regions()) {
      for (EntityType type : EntityType.values()) {
        AGENCY.select(type, Set.of(region.id()), AGENCY.window()).forEach(r -> batch.add(ScheduleWrite.put(region.id(), r, 1)));
      }
    }
    store.apply(batch);
    return store;
  }

  @Test
  @DisplayName("upsert returns the version it replaced; delete returns the version it removed")
  void upsertAndDeleteReturnPreviousVersions() {
    ScheduleStore store = store();
    Visit v = AGENCY.visits().findFirst().orElseThrow();
    Visit later = v.toBuilder().end(v.end().plusSeconds(900)).build();
    assertThat(store.upsert(v.regionId(), v)).isEmpty();
    assertThat(store.upsert(v.regionId(), later)).contains(v);
    ScheduleStore again = reopened(store);
    assertThat(again.get(v.key())).contains(later);
    assertThat(again.delete(v.key())).contains(later);
    assertThat(again.delete(v.key())).isEmpty();
    assertThat(reopened(again).get(v.key())).isEmpty();
  }

  @Test
  @DisplayName("a batch applied twice leaves the store as applying it once; touch marks, remove removes")
  void batchesAreIdempotent() {
    ScheduleStore store = store();
    List<Visit> visits = AGENCY.visits().limit(5).toList();
    List<ScheduleWrite> batch = new ArrayList<>();
    visits.forEach(v -> batch.add(ScheduleWrite.put(v.regionId(), v, 3)));
    batch.add(ScheduleWrite.touch(visits.get(0).key(), 4));
    batch.add(ScheduleWrite.remove(visits.get(1).key()));
    batch.add(ScheduleWrite.touch(RecordKey.of(EntityType.VISIT, "absent"), 4));
    store.apply(batch);
    Map<RecordKey, StoredRecord> once = content(store, ScheduleQuery.all());
    store.apply(batch);
    assertThat(content(store, ScheduleQuery.all())).isEqualTo(once);
    assertThat(once).hasSize(4).doesNotContainKey(visits.get(1).key());
    assertThat(once.get(visits.get(0).key()).lastSeenRun()).isEqualTo(4);
    assertThat(once.get(visits.get(2).key())).isEqualTo(StoredRecord.of(visits.get(2), visits.get(2).regionId(), 3));
  }

  @Test
  @DisplayName("queries answer by type, region and the read-window rule of each type")
  void queriesFollowTheReadRules() {
    ScheduleStore store = reopened(fill(store()));
    TimeWindow week = AGENCY.currentWeek();
    for (Region region : AGENCY.regions()) {
      for (EntityType type : EntityType.values()) {
        Set<RecordKey> expected = AGENCY.select(type, Set.of(region.id()), week).map(SourceRecord::key)
            .collect(Collectors.toSet());
        ScheduleQuery q = ScheduleQuery.builder().types(type).regions(Set.of(region.id())).window(week).build();
        assertThat(content(store, q).keySet()).as("%s of %s in %s", type, region.id(), week).isEqualTo(expected);
      }
    }
    assertThat(store.count(ScheduleQuery.all())).isEqualTo(content(store, ScheduleQuery.all()).size());
  }

  @Test
  @DisplayName("queries return records in key order")
  void queriesReturnKeyOrder() {
    ScheduleStore store = fill(store());
    List<RecordKey> keys;
    try (Stream<StoredRecord> s = store.query(ScheduleQuery.all())) {
      keys = s.map(StoredRecord::key).toList();
    }
    assertThat(keys).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(100);
  }

  @Test
  @DisplayName("a sync into the store holds exactly the source's selection")
  void syncIntoTheStore() {
    ScheduleStore store = store();
    Set<String> regions = Set.of(AGENCY.regions().get(1).id());
    SyncReport report = SyncEngine.builder("kit", InMemoryConnector.builder(AGENCY).apiKey(AGENCY.apiKey()).build())
        .scheduleStore(store).clock(AGENCY.clock()).pageSize(30).build().sync(regions);
    assertThat(report.completed()).isTrue();
    Map<RecordKey, SourceRecord> expected = new TreeMap<>();
    TimeWindow window = com.optimalworkforce.core.sync.SyncWindow.DEFAULT.at(AGENCY.now());
    for (EntityType type : EntityType.values()) {
      AGENCY.select(type, regions, window).forEach(r -> expected.put(r.key(), r));
    }
    Map<RecordKey, SourceRecord> actual = new TreeMap<>();
    content(reopened(store), ScheduleQuery.all()).forEach((k, v) -> actual.put(k, v.record()));
    assertThat(actual).isEqualTo(expected);
  }
}
