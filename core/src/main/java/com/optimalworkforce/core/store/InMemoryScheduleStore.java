package com.optimalworkforce.core.store;

import com.optimalworkforce.core.model.RecordKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * A {@link ScheduleStore} in memory: for tests, demos and agencies whose schedule fits the heap
 * comfortably (about 1 KB a visit). Lost when the process ends; use {@link FileScheduleStore} to
 * keep the schedule across restarts.
 *
 * <pre>{@code
 * ScheduleStore store = InMemoryScheduleStore.create();
 * SyncEngine engine = SyncEngine.builder(connector).scheduleStore(store).build();
 * }</pre>
 */
public final class InMemoryScheduleStore implements ScheduleStore {
  private final ConcurrentSkipListMap<RecordKey, StoredRecord> records = new ConcurrentSkipListMap<>();

  private InMemoryScheduleStore() {}

  public static InMemoryScheduleStore create() {
    return new InMemoryScheduleStore();
  }

  @Override
  public Optional<StoredRecord> find(RecordKey key) {
    return Optional.ofNullable(records.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public synchronized void apply(List<? extends ScheduleWrite> writes) {
    Objects.requireNonNull(writes, "writes");
    writes.forEach(w -> Objects.requireNonNull(w, "write"));
    for (ScheduleWrite w : writes) {
      if (w instanceof ScheduleWrite.Put p) {
        records.put(p.key(), p.stored());
      } else if (w instanceof ScheduleWrite.Remove r) {
        records.remove(r.key());
      } else if (w instanceof ScheduleWrite.Touch t) {
        records.computeIfPresent(t.key(), (k, s) -> s.seenIn(t.run()));
      }
    }
  }

  @Override
  public Stream<StoredRecord> query(ScheduleQuery query) {
    Objects.requireNonNull(query, "query");
    return records.values().stream().filter(query::matches);
  }

  /** Number of records held. */
  public int size() {
    return records.size();
  }

  @Override
  public String toString() {
    return "InMemoryScheduleStore[" + records.size() + " records]";
  }

  /** A copy of the content, key to stored record (for tests comparing two stores). */
  public Map<RecordKey, StoredRecord> snapshot() {
    return Map.copyOf(records);
  }
}
