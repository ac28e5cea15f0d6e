package com.optimalworkforce.alerts.scoring;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A part of the day, in the region's local time: two shifts are "similar" when they start on the
 * same weekday in the same band.
 *
 * <pre>{@code
 * TimeBand band = TimeBand.of(shift.localStart());   // AFTERNOON for a 2 PM start
 * String label = band.label();                       // "afternoon"
 * }</pre>
 */
public enum TimeBand {
  /** 00:00 to 06:00. */
  NIGHT(0, 6, "night"),
  /** 06:00 to 12:00. */
  MORNING(6, 12, "morning"),
  /** 12:00 to 17:00. */
  AFTERNOON(12, 17, "afternoon"),
  /** 17:00 to midnight. */
  EVENING(17, 24, "evening");

  private final int fromHour;
  private final int toHour;
  private final String label;

  TimeBand(int fromHour, int toHour, String label) {
    this.fromHour = fromHour;
    this.toHour = toHour;
    this.label = label;
  }

  /** The band of a local hour of the day (0 to 23). */
  public static TimeBand of(int hour) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be within [0, 23] but was " + hour);
    }
    if (hour < 6) {
      return NIGHT;
    } else if (hour < 12) {
      return MORNING;
    } else if (hour < 17) {
      return AFTERNOON;
    }
    return EVENING;
  }

  /** The band a local start time falls in. */
  public static TimeBand of(ZonedDateTime localStart) {
    Objects.requireNonNull(localStart, "localStart");
    return of(localStart.getHour());
  }

  /** First hour of the band (inclusive). */
  public int fromHour() {
    return fromHour;
  }

  /** Last hour of the band (exclusive). */
  public int toHour() {
    return toHour;
  }

  /** A word for messages: "afternoon". */
  public String label() {
    return label;
  }
}
