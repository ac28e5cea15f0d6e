package com.optimalworkforce.core.store;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.RecordKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record a sync could not apply, kept with the reason so a person can fix it in the source. The
 * same record failing for the same reason again replaces its entry; once it arrives valid, its
 * entries are released.
 *
 * <pre>{@code
 * for (QuarantinedRecord q : integrationStore.quarantined("acme-east")) {
 *   report.row(q.type().displayName(), q.sourceId().orElse("(no id)"), q.reason());
 * }
 * }</pre>
 *
 * @param type the stream it came from
 * @param sourceId its id in the source, or {@code null} when even the id was unreadable
 * @param regionId the region whose read returned it
 * @param reason what is wrong, naming the field
 * @param quarantinedAt when it was (last) quarantined
 */
public record QuarantinedRecord(EntityType type, String sourceId, String regionId, String reason, Instant quarantinedAt) {

  public QuarantinedRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(regionId, "regionId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(quarantinedAt, "quarantinedAt");
  }

  public static QuarantinedRecord of(EntityType type, String sourceId, String regionId, String reason, Instant at) {
    return new QuarantinedRecord(type, sourceId, regionId, reason, at);
  }

  public Optional<String> id() {
    return Optional.ofNullable(sourceId);
  }

  /** The key of the record, when its id is known. */
  public Optional<RecordKey> key() {
    return sourceId == null ? Optional.empty() : Optional.of(RecordKey.of(type, sourceId));
  }

  /** Entries with the same identity replace each other: type, source id and reason. */
  public String identity() {
    return type + "\u0000" + (sourceId == null ? "" : sourceId) + "\u0000" + reason;
  }
}
