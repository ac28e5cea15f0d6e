package com.optimalworkforce.core.model;

import java.util.Objects;

/**
 * Identifies one record across syncs: its type and its id in the source system.
 *
 * <pre>{@code
 * RecordKey key = RecordKey.of(EntityType.VISIT, "V-1001");
 * assert key.equals(visit.key());
 * }</pre>
 */
public record RecordKey(EntityType type, String sourceId) implements Comparable<RecordKey> {

  public RecordKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sourceId, "sourceId");
  }

  public static RecordKey of(EntityType type, String sourceId) {
    return new RecordKey(type, sourceId);
  }

  @Override
  public int compareTo(RecordKey other) {
    int byType = type.compareTo(other.type);
    return byType != 0 ? byType : sourceId.compareTo(other.sourceId);
  }

  @Override
  public String toString() {
    return type + ":" + sourceId;
  }
}
