package com.optimalworkforce.core.model.internal;

import com.optimalworkforce.core.model.EntityType;
import com.optimalworkforce.core.model.InvalidRecordException;
import java.time.Instant;
import java.util.Set;

/** Validation helpers shared by the model records. Not API. */
public final class Checks {
  private Checks() {}

  public static String checkId(EntityType type, String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidRecordException(type, id, "id", "is missing");
    }
    return id;
  }

  public static <T> T required(EntityType type, String id, String field, T value) {
    if (value == null) {
      throw new InvalidRecordException(type, id, field, "is missing");
    }
    return value;
  }

  public static String requiredText(EntityType type, String id, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRecordException(type, id, field, "is missing");
    }
    return value;
  }

  /** Blank optional text becomes null, so "" and absent hash the same. */
  public static String optionalText(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public static void endAfterStart(EntityType type, String id, Instant start, Instant end) {
    endAfterStart(type, id, "start", start, "end", end);
  }

  /** As {@link #endAfterStart(EntityType, String, Instant, Instant)}, for fields named otherwise. */
  public static void endAfterStart(EntityType type, String id, String startField, Instant start, String endField,
      Instant end) {
    required(type, id, startField, start);
    required(type, id, endField, end);
    if (!end.isAfter(start)) {
      throw new InvalidRecordException(type, id, endField,
          "(" + end + ") must be after " + startField + " (" + start + ")");
    }
  }

  public static Set<String> textSet(EntityType type, String id, String field, Set<String> values) {
    if (values == null) {
      return Set.of();
    }
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new InvalidRecordException(type, id, field, "contains a blank entry");
      }
    }
    return Set.copyOf(values);
  }
}
