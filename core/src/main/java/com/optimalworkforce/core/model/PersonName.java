package com.optimalworkforce.core.model;

/**
 * A person's name. Personal data: it stays in the agency zone and {@link #toString()} never prints
 * it, so a name cannot reach a log by accident.
 *
 * <pre>{@code
 * PersonName name = PersonName.of("Sarah", "Nguyen");
 * name.given();            // "Sarah": how schedulers address caregivers
 * PersonName.of("Ruth", "Anderson", "Mrs.").formal(); // "Mrs. Anderson": how they name clients
 * }</pre>
 */
public record PersonName(String given, String family, String prefix) {

  public PersonName {
    given = blankToNull(given);
    family = blankToNull(family);
    prefix = blankToNull(prefix);
    if (given == null && family == null) {
      throw new IllegalArgumentException("PersonName: given and family are both missing");
    }
  }

  public static PersonName of(String given, String family) {
    return new PersonName(given, family, null);
  }

  public static PersonName of(String given, String family, String prefix) {
    return new PersonName(given, family, prefix);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** "Sarah Nguyen", or whichever part is present. */
  public String full() {
    if (given == null) {
      return family;
    }
    return family == null ? given : given + " " + family;
  }

  /** "Mrs. Anderson" when a prefix is known, else the full name. */
  public String formal() {
    if (prefix != null && family != null) {
      return prefix + " " + family;
    }
    return full();
  }

  /** The given name, or the family name when no given name is known. */
  public String informal() {
    return given != null ? given : family;
  }

  /** Redacted: names are personal data and must not reach logs. */
  @Override
  public String toString() {
    return "PersonName[redacted]";
  }
}
