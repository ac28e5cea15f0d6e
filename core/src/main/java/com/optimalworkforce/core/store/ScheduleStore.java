package com.optimalworkforce.core.store;

import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The agency-zone copy of the schedule: what the sync engine writes and what alert rules, match
 * scoring and previews read. Records are keyed by {@link RecordKey} and tagged with the region
 * they were synced under. Implementations: {@link InMemoryScheduleStore} for tests and small
 * agencies, {@link FileScheduleStore} (durable, encrypted, bounded memory), or the host's own.
 *
 * <pre>{@code
 * ScheduleStore store = InMemoryScheduleStore.create();
 * Optional<SourceRecord> previous = store.upsert("toronto-east", visit);
 * try (Stream<StoredRecord> visits = store.query(ScheduleQuery.of(EntityType.VISIT))) {
 *   long open = visits.filter(s -> ((Visit) s.record()).isUnfilled()).count();
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe. {@link #apply(List)} is atomic: after a crash either the
 * whole batch is visible or none of it; each write is idempotent, so applying a batch again is
 * harmless (the sync engine relies on both).
 */
public interface ScheduleStore extends AutoCloseable {

  /** The stored record with this key. */
  Optional<StoredRecord> find(RecordKey key);

  /** The record with this key. */
  default Optional<SourceRecord> get(RecordKey key) {
    return find(key).map(StoredRecord::record);
  }

  /** Applies the writes in order, atomically. */
  void apply(List<? extends ScheduleWrite> writes);

  /**
   * The records that answer the query, in key order. Close the stream (try-with-resources): a
   * durable store reads files behind it.
   */
  Stream<StoredRecord> query(ScheduleQuery query);

  /** How many records answer the query. */
  default long count(ScheduleQuery query) {
    try (Stream<StoredRecord> s = query(query)) {
      return s.count();
    }
  }

  /** Inserts or replaces a record (outside any sync run) and returns the version it replaced. */
  default Optional<SourceRecord> upsert(String regionId, SourceRecord record) {
    Objects.requireNonNull(regionId, "regionId");
    Objects.requireNonNull(record, "record");
    synchronized (this) {
      Optional<StoredRecord> previous = find(record.key());
      apply(List.of(ScheduleWrite.put(regionId, record, previous.map(StoredRecord::lastSeenRun).orElse(0L))));
      return previous.map(StoredRecord::record);
    }
  }

  /** Removes a record and returns it, if it was there. */
  default Optional<SourceRecord> delete(RecordKey key) {
    Objects.requireNonNull(key, "key");
    synchronized (this) {
      Optional<StoredRecord> previous = find(key);
      previous.ifPresent(p -> apply(List.of(ScheduleWrite.remove(key))));
      return previous.map(StoredRecord::record);
    }
  }

  /** Releases files and memory. */
  @Override
  default void close() {}
}
