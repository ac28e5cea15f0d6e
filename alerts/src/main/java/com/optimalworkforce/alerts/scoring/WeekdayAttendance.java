package com.optimalworkforce.alerts.scoring;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * How many of the recent same weekdays a caregiver worked ("worked 8/9 Saturdays"). Only weeks
 * since the caregiver's first worked visit in the history count.
 *
 * <pre>{@code
 * WeekdayAttendance a = history.weekdayAttendance(shiftDate, today, 12);
 * String text = "worked " + a.worked() + "/" + a.weeks() + " " + a.pluralDay();
 * }</pre>
 *
 * @param day the weekday
 * @param worked weeks in which the caregiver worked on that day
 * @param weeks weeks looked at
 */
public record WeekdayAttendance(DayOfWeek day, int worked, int weeks) {

  public WeekdayAttendance {
    Objects.requireNonNull(day, "day");
    if (weeks < 0 || worked < 0 || worked > weeks) {
      throw new IllegalArgumentException("WeekdayAttendance: need 0 <= worked <= weeks but got " + worked + "/" + weeks);
    }
  }

  /** "Saturdays". */
  public String pluralDay() {
    String name = day.name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT) + "s";
  }
}
