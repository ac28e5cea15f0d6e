package com.optimalworkforce.core.sync;

import com.optimalworkforce.core.model.SourceRecord;
import java.util.Optional;

/**
 * An extra check the sync engine runs on every record before applying it; a record that fails
 * goes to the quarantine with the reason instead of into the schedule.
 *
 * <pre>{@code
 * RecordValidator noLongVisits = r -> r instanceof Visit v && v.hours() > 24
 *     ? Optional.of("Visit '" + v.id() + "': lasts " + v.hours() + " h, more than a day")
 *     : Optional.empty();
 * SyncEngine.builder("agency-1", connector).validator(noLongVisits);
 * }</pre>
 */
@FunctionalInterface
public interface RecordValidator {

  /** Why the record must not be applied, or empty when it is fine. */
  Optional<String> check(SourceRecord record);

  /** Accepts everything. */
  static RecordValidator none() {
    return r -> Optional.empty();
  }
}
