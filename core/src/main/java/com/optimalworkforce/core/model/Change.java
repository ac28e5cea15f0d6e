package com.optimalworkforce.core.model;

import java.util.Objects;

/**
 * One change to the agency-zone copy of the schedule: a record created, updated (with the version
 * it replaced) or deleted. The sync engine emits changes; the aggregator, the alert engine and the
 * match scorer fold them incrementally.
 *
 * <pre>{@code
 * Change c = Change.updated(oldVisit, newVisit);
 * if (c.isDelete()) { index.remove(c.key()); } else { index.put(c.after()); }
 * }</pre>
 *
 * @param key the record's key
 * @param before the version replaced or deleted, or {@code null} for a creation
 * @param after the new version, or {@code null} for a deletion
 */
public record Change(RecordKey key, SourceRecord before, SourceRecord after) {

  public Change {
    Objects.requireNonNull(key, "key");
    if (before == null && after == null) {
      throw new IllegalArgumentException("Change of " + key + ": before and after are both missing");
    }
    if (before != null && !before.key().equals(key)) {
      throw new IllegalArgumentException("Change of " + key + ": before has key " + before.key());
    }
    if (after != null && !after.key().equals(key)) {
      throw new IllegalArgumentException("Change of " + key + ": after has key " + after.key());
    }
  }

  public static Change created(SourceRecord after) {
    Objects.requireNonNull(after, "after");
    return new Change(after.key(), null, after);
  }

  public static Change updated(SourceRecord before, SourceRecord after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    return new Change(after.key(), before, after);
  }

  public static Change deleted(SourceRecord before) {
    Objects.requireNonNull(before, "before");
    return new Change(before.key(), before, null);
  }

  public boolean isCreate() {
    return before == null;
  }

  public boolean isUpdate() {
    return before != null && after != null;
  }

  public boolean isDelete() {
    return after == null;
  }

  public EntityType type() {
    return key.type();
  }
}
