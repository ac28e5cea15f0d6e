package com.optimalworkforce.core.store;

import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import java.util.Objects;

/**
 * One write in a {@link ScheduleStore#apply(java.util.List) batch}: put a record, remove one, or
 * touch one (mark it seen by a sync run without changing it). Every write is idempotent, so a
 * batch applied twice leaves the store as applying it once.
 *
 * <pre>{@code
 * store.apply(List.of(
 *     ScheduleWrite.put("toronto-east", visit, run),
 *     ScheduleWrite.touch(unchanged.key(), run),
 *     ScheduleWrite.remove(RecordKey.of(EntityType.VISIT, "V-9"))));
 * }</pre>
 */
public sealed interface ScheduleWrite permits ScheduleWrite.Put, ScheduleWrite.Remove, ScheduleWrite.Touch {

  /** The record the write is about. */
  RecordKey key();

  static Put put(String regionId, SourceRecord record, long run) {
    return new Put(StoredRecord.of(record, regionId, run));
  }

  static Remove remove(RecordKey key) {
    return new Remove(key);
  }

  static Touch touch(RecordKey key, long run) {
    return new Touch(key, run);
  }

  /** Inserts or replaces the record with the same key. */
  record Put(StoredRecord stored) implements ScheduleWrite {
    public Put {
      Objects.requireNonNull(stored, "stored");
    }

    @Override
    public RecordKey key() {
      return stored.key();
    }
  }

  /** Removes the record; a no-op when absent. */
  record Remove(RecordKey key) implements ScheduleWrite {
    public Remove {
      Objects.requireNonNull(key, "key");
    }
  }

  /** Sets the record's {@link StoredRecord#lastSeenRun()}; a no-op when absent. */
  record Touch(RecordKey key, long run) implements ScheduleWrite {
    public Touch {
      Objects.requireNonNull(key, "key");
      if (run < 0) {
        throw new IllegalArgumentException("run must not be negative but was " + run);
      }
    }
  }
}
