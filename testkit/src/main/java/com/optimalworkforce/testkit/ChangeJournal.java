package com.optimalworkforce.testkit;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import com.optimalworkforce.core.model.SourceRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Modification times of a {@link SyntheticAgency}'s records, so an {@link InMemoryConnector} can
 * answer "changed since" like a source with server-side incremental reads. It takes a baseline of
 * every record's content hash when created (modified "then"); a record whose content differs from
 * the last one seen, or that is new, counts as modified when the connector first sees it so.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(agency.now());
 * ChangeJournal journal = ChangeJournal.start(agency, clock);
 * Connector connector = InMemoryConnector.builder(agency).apiKey(agency.apiKey()).changeTracking(journal).build();
 * }</pre>
 *
 * <p>Holds one entry per record: for agencies of test size, not for millions of visits.
 */
public final class ChangeJournal {
  private record Entry(String hash, Instant modifiedAt) {}

  private final Clock clock;
  private final Map<RecordKey, Entry> entries = new ConcurrentHashMap<>();

  private ChangeJournal(SyntheticAgency agency, Clock clock) {
    this.clock = clock;
    Instant now = clock.instant();
    for (EntityType type : EntityType.values()) {
      agency.records(type).forEach(r -> entries.put(r.key(), new Entry(r.contentHash(), now)));
    }
  }

  /** A journal whose baseline is the agency as it is now, modified at the clock's instant. */
  public static ChangeJournal start(SyntheticAgency agency, Clock clock) {
    return new ChangeJournal(Objects.requireNonNull(agency, "agency"), Objects.requireNonNull(clock, "clock"));
  }

  /** When the record last changed, as far as this journal has seen. */
  public Instant modifiedAt(SourceRecord record) {
    String hash = record.contentHash();
    return entries.compute(record.key(), (k, e) -> e != null && e.hash().equals(hash) ? e : new Entry(hash,
        clock.instant())).modifiedAt();
  }
}
