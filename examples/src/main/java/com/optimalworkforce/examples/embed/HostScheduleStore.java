package com.optimalworkforce.examples.embed;

import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.store.ScheduleQuery;
import com.optimalworkforce.core.store.ScheduleStore;
import com.optimalworkforce.core.store.ScheduleWrite;
import com.optimalworkforce.core.store.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The host's own schedule store: where the SDK's sync writes the agency's records. Here the
 * "database" is one table, a sorted map from record key to row, behind a read-write lock; in a
 * real host each method is a query against its own tables, and {@link #apply} is one transaction.
 * {@code HostScheduleStoreTest} proves it with the testkit's {@code ScheduleStoreCompatibilityKit}.
 *
 * <pre>{@code
 * HostScheduleStore store = new HostScheduleStore();
 * Integration integration = Integration.builder("alayacare-east", new AlayaCareConnectorProvider())
 *     .config(config).vault(vault).scheduleStore(store).build();
 * }</pre>
 */
public final class HostScheduleStore implements ScheduleStore {
  // tag::store[]
  /** The table: one row per record, in key order (a primary key on type and id). */
  private final TreeMap<RecordKey, StoredRecord> rows = new TreeMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  @Override
  public Optional<StoredRecord> find(RecordKey key) {
    Objects.requireNonNull(key, "key");
    lock.readLock().lock();
    try {
      return Optional.ofNullable(rows.get(key));   // SELECT ... WHERE type = ? AND id = ?
    } finally {
      lock.readLock().unlock();
    }
  }

  /** All writes or none: the sync engine commits a page's changes with one call. */
  @Override
  public void apply(List<? extends ScheduleWrite> writes) {
    Objects.requireNonNull(writes, "writes");
    writes.forEach(w -> Objects.requireNonNull(w, "write"));
    lock.writeLock().lock();   // BEGIN
    try {
      for (ScheduleWrite w : writes) {
        if (w instanceof ScheduleWrite.Put put) {            // UPSERT the row
          rows.put(put.key(), put.stored());
        } else if (w instanceof ScheduleWrite.Remove remove) { // DELETE (nothing when absent)
          rows.remove(remove.key());
        } else if (w instanceof ScheduleWrite.Touch touch) {   // UPDATE last_seen_run only
          rows.computeIfPresent(touch.key(), (k, row) -> row.seenIn(touch.run()));
        }
      }
    } finally {
      lock.writeLock().unlock();   // COMMIT
    }
  }

  /** The rows that answer the query, in key order (ORDER BY type, id). */
  @Override
  public Stream<StoredRecord> query(ScheduleQuery query) {
    Objects.requireNonNull(query, "query");
    List<StoredRecord> result = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (StoredRecord row : rows.values()) {
        if (query.matches(row)) {   // a database would turn this into a WHERE clause
          result.add(row);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return result.stream();
  }
  // end::store[]

  /** Rows per record type and region, e.g. {@code VISIT -> {toronto-east=412}}: what the host shows. */
  public Map<String, Map<String, Integer>> countsByTypeAndRegion() {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    lock.readLock().lock();
    try {
      for (StoredRecord row : rows.values()) {
        counts.computeIfAbsent(row.key().type().name(), t -> new TreeMap<>()).merge(row.regionId(), 1, Integer::sum);
      }
    } finally {
      lock.readLock().unlock();
    }
    return counts;
  }

  /** Number of rows. */
  public int size() {
    lock.readLock().lock();
    try {
      return rows.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "HostScheduleStore[" + size() + " rows]";
  }
}
