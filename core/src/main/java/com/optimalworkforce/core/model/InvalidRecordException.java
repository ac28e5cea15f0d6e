package com.optimalworkforce.core.model;

import java.util.Objects;

/**
 * Thrown when a record fails validation. The message names the record type, its source id and the
 * bad field, so a quarantine entry built from it is actionable.
 *
 * <pre>{@code
 * try {
 *   Visit v = builder.build();
 * } catch (InvalidRecordException e) {
 *   quarantine.add(e.entityType(), e.sourceId(), e.getMessage());
 * }
 * }</pre>
 */
public final class InvalidRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final EntityType entityType;
  private final String sourceId;
  private final String field;

  public InvalidRecordException(EntityType entityType, String sourceId, String field, String problem) {
    super(describe(entityType, sourceId) + ": " + field + " " + problem);
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.sourceId = sourceId;
    this.field = Objects.requireNonNull(field, "field");
  }

  private static String describe(EntityType type, String sourceId) {
    return type.displayName() + " " + (sourceId == null || sourceId.isBlank() ? "(no id)" : "'" + sourceId + "'");
  }

  /** The kind of record that failed. */
  public EntityType entityType() {
    return entityType;
  }

  /** The record's id in its source system, or {@code null} when the id itself was missing. */
  public String sourceId() {
    return sourceId;
  }

  /** The name of the field that failed, e.g. {@code end}. */
  public String field() {
    return field;
  }
}
