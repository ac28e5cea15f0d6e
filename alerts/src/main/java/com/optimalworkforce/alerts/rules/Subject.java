package com.optimalworkforce.alerts.rules;

import java.util.Objects;

/**
 * What an alert is about: a shift, a caregiver, a client or a region, optionally narrowed by a
 * qualifier (a weekday, a pay week). The engine de-duplicates on the rule and the subject, and a
 * {@link Scope} decides whether a subject was re-checked after a change.
 *
 * <pre>{@code
 * Subject.shift("V-1001");                       // SHIFT:V-1001
 * Subject.caregiver("E-42", "MONDAY");           // CAREGIVER:E-42@MONDAY
 * Subject.region("toronto-east", "2026-11-16");  // REGION:toronto-east@2026-11-16
 * }</pre>
 *
 * @param kind what kind of record it is about
 * @param id that record's id
 * @param qualifier narrows the subject (e.g. a weekday), or {@code ""}
 */
public record Subject(Kind kind, String id, String qualifier) {

  /** The kinds of record an alert can be about. */
  public enum Kind {
    SHIFT,
    CAREGIVER,
    CLIENT,
    REGION
  }

  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("Subject: id is blank");
    }
    qualifier = qualifier == null ? "" : qualifier;
  }

  public static Subject shift(String visitId) {
    return new Subject(Kind.SHIFT, visitId, "");
  }

  public static Subject caregiver(String caregiverId, String qualifier) {
    return new Subject(Kind.CAREGIVER, caregiverId, qualifier);
  }

  public static Subject client(String clientId, String qualifier) {
    return new Subject(Kind.CLIENT, clientId, qualifier);
  }

  public static Subject region(String regionId, String qualifier) {
    return new Subject(Kind.REGION, regionId, qualifier);
  }

  /** A stable text form, e.g. {@code CAREGIVER:E-42@MONDAY}. */
  public String key() {
    return kind + ":" + id + (qualifier.isEmpty() ? "" : "@" + qualifier);
  }

  @Override
  public String toString() {
    return key();
  }
}
