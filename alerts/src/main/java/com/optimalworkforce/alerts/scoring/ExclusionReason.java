package com.optimalworkforce.alerts.scoring;

/**
 * Why a candidate cannot take a shift at all (a hard constraint), in the order they are checked.
 *
 * <pre>{@code
 * ranking.excluded().stream()
 *     .filter(x -> x.reason() == ExclusionReason.OVERTIME_CAP)
 *     .forEach(x -> log.debug("{}: {}", x.caregiverId(), x.detail()));
 * }</pre>
 */
public enum ExclusionReason {
  /** The caregiver is not active (left, on leave, not schedulable). */
  INACTIVE("inactive"),
  /** The client asked not to be sent this caregiver. */
  BLOCKED_BY_CLIENT("blocked by the client"),
  /** The caregiver lacks a skill the visit requires. */
  MISSING_SKILL("missing a required skill"),
  /** An unavailability (time off, day off) overlaps the shift. */
  UNAVAILABLE("unavailable"),
  /** Another visit of the caregiver overlaps the shift. */
  DOUBLE_BOOKED("double-booked"),
  /** Hours already in the pay week plus this shift would exceed the overtime hard cap. */
  OVERTIME_CAP("would exceed the overtime cap");

  private final String description;

  ExclusionReason(String description) {
    this.description = description;
  }

  /** A short phrase for people: "double-booked". */
  public String description() {
    return description;
  }
}
