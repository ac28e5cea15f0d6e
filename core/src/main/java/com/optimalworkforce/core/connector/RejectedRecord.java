package com.optimalworkforce.core.connector;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import java.util.Objects;

/**
 * A record the connector read but could not turn into a valid model record. The sync engine puts
 * it in quarantine with the reason and goes on.
 *
 * <pre>{@code
 * try {
 *   records.add(mapper.visit(dto));
 * } catch (InvalidRecordException e) {
 *   rejected.add(RejectedRecord.of(e));
 * }
 * }</pre>
 *
 * @param type the stream it belongs to
 * @param sourceId its id in the source, or {@code null} when even the id was unreadable
 * @param reason what is wrong, naming the field
 */
public record RejectedRecord(EntityType type, String sourceId, String reason) {

  public RejectedRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
  }

  public static RejectedRecord of(InvalidRecordException e) {
    return new RejectedRecord(e.entityType(), e.sourceId(), e.getMessage());
  }
}
