package com.optimalworkforce.core.model;

/**
 * The kinds of record a connector reads, one stream each.
 *
 * <pre>{@code
 * ReadRequest request = ReadRequest.builder(EntityType.VISIT).regions(Set.of("toronto-east"))
 *     .window(window).build();
 * }</pre>
 */
public enum EntityType {
  CLIENT("Client"),
  CAREGIVER("Caregiver"),
  VISIT("Visit"),
  UNAVAILABILITY("Unavailability"),
  SHIFT_OFFER("Shift offer"),
  CALL_OUT("Call-out");

  private final String displayName;

  EntityType(String displayName) {
    this.displayName = displayName;
  }

  /** A name for messages, e.g. "Shift offer". */
  public String displayName() {
    return displayName;
  }
}
