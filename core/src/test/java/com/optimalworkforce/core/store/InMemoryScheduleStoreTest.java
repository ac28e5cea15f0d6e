package com.optimalworkforce.core.store;

import static com.optimalworkforce.core.store.Samples.START;
import static com.optimalworkforce.core.store.Samples.VISIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.SourceRecord;
import com.optimalworkforce.core.model.TimeWindow;
import com.optimalworkforce.core.model.Visit;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InMemoryScheduleStoreTest {
  final InMemoryScheduleStore store = InMemoryScheduleStore.create();

  @Test
  void upsertReturnsThePreviousVersionAndDeleteTheRemovedOne() {
    assertThat(store.upsert("east", VISIT)).isEmpty();
    Visit moved = VISIT.toBuilder().end(VISIT.end().plusSeconds(900)).build();
    assertThat(store.upsert("east", moved)).contains(VISIT);
    assertThat(store.get(VISIT.key())).contains(moved);
    assertThat(store.delete(VISIT.key())).contains(moved);
    assertThat(store.delete(VISIT.key())).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void batchesPutTouchAndRemoveIdempotently() {
    List<ScheduleWrite> batch = List.of(ScheduleWrite.put("east", VISIT, 3), ScheduleWrite.put("east", Samples.CLIENT, 3),
        ScheduleWrite.touch(Samples.CLIENT.key(), 4), ScheduleWrite.remove(Samples.CAREGIVER.key()));
    store.apply(batch);
    var once = store.snapshot();
    store.apply(batch);
    assertThat(store.snapshot()).isEqualTo(once);
    assertThat(store.find(Samples.CLIENT.key())).get().extracting(StoredRecord::lastSeenRun).isEqualTo(4L);
    assertThat(store.find(VISIT.key())).get().extracting(StoredRecord::lastSeenRun).isEqualTo(3L);
    store.apply(List.of(ScheduleWrite.touch(Samples.OFFER.key(), 9)));
    assertThat(store.find(Samples.OFFER.key())).isEmpty();
  }

  @Test
  void queriesFilterByTypeRegionAndTheReadWindowOfEachType() {
    for (SourceRecord r : Samples.ALL) {
      store.upsert("east", r);
    }
    Visit west = VISIT.toBuilder().id("V-2").regionId("west").build();
    store.upsert("west", west);
    TimeWindow startsInside = TimeWindow.of(START.minusSeconds(60), START.plusSeconds(60));
    TimeWindow afterStart = TimeWindow.of(START.plusSeconds(60), START.plusSeconds(3600));

    assertThat(ids(ScheduleQuery.of(EntityType.VISIT))).containsExactly("V-1", "V-2");
    assertThat(ids(ScheduleQuery.region("west"))).containsExactly("V-2");
    assertThat(ids(ScheduleQuery.builder().regions(Set.of("east")).window(startsInside).build()))
        .containsExactlyInAnyOrder("C-1", "E-1", "V-1", "U-1", "O-1", "CO-1");
    // A visit that started before the window is not in it (as in a read); unavailability overlaps.
    assertThat(ids(ScheduleQuery.builder().regions(Set.of("east")).window(afterStart).build()))
        .containsExactlyInAnyOrder("C-1", "E-1", "U-1");
    assertThat(store.count(ScheduleQuery.all())).isEqualTo(7);
  }

  private List<String> ids(ScheduleQuery q) {
    try (Stream<StoredRecord> s = store.query(q)) {
      return s.map(r -> r.record().id()).toList();
    }
  }

  @Test
  void syncWindowCoversWholeUtcDays() {
    var w = com.optimalworkforce.core.sync.SyncWindow.of(Duration.ofDays(28), Duration.ofDays(7)).at(START);
    assertThat(w.from()).isEqualTo(java.time.Instant.parse("2026-10-23T00:00:00Z"));
    assertThat(w.to()).isEqualTo(java.time.Instant.parse("2026-11-28T00:00:00Z"));
  }
}
