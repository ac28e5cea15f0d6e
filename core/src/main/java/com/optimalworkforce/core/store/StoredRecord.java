package com.optimalworkforce.core.store;

import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import java.util.Objects;

/**
 * A record as a {@link ScheduleStore} holds it: the record, the region it was synced under and
 * the last sync run that saw it in the source (used to detect deletions).
 *
 * <pre>{@code
 * store.find(RecordKey.of(EntityType.VISIT, "V-1001"))
 *     .filter(stored -> stored.lastSeenRun() < currentRun)
 *     .ifPresent(stored -> log.debug("not seen in this run: {}", stored.key()));
 * }</pre>
 *
 * @param record the record
 * @param regionId the region whose read returned it (the unit of "remove region" and of scoping)
 * @param lastSeenRun number of the last sync run that read it, 0 when written outside a sync
 */
public record StoredRecord(SourceRecord record, String regionId, long lastSeenRun) {

  public StoredRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(regionId, "regionId");
    if (lastSeenRun < 0) {
      throw new IllegalArgumentException("lastSeenRun must not be negative but was " + lastSeenRun);
    }
  }

  public static StoredRecord of(SourceRecord record, String regionId, long lastSeenRun) {
    return new StoredRecord(record, regionId, lastSeenRun);
  }

  public RecordKey key() {
    return record.key();
  }

  /** The same record seen by another run. */
  public StoredRecord seenIn(long run) {
    return new StoredRecord(record, regionId, run);
  }
}
