package com.optimalworkforce.core.aggregate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week (Monday to Sunday), printed {@code 2026-W47}. A visit belongs to the week of its
 * local start date in its region's time zone.
 *
 * <pre>{@code
 * IsoWeek week = IsoWeek.of(LocalDate.of(2026, 11, 20)); // 2026-W47
 * week.monday();                                        // 2026-11-16
 * IsoWeek.parse("2026-W47").equals(week);               // true
 * }</pre>
 */
public final class IsoWeek implements Comparable<IsoWeek> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

  /** Weeks since the Monday 1969-12-29 (epoch day -3), the week the fold indexes by. */
  private final int index;

  private IsoWeek(int index) {
    this.index = index;
  }

  /** The week that holds this date. */
  public static IsoWeek of(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return new IsoWeek(indexOfEpochDay(date.toEpochDay()));
  }

  /**
   * Parses {@code 2026-W47}.
   *
   * @throws IllegalArgumentException if the text is not an ISO week or the week does not exist
   */
  @JsonCreator
  public static IsoWeek parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO week; expected e.g. 2026-W47");
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    LocalDate mid = LocalDate.of(year, 6, 1);
    if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
      throw new IllegalArgumentException("'" + text + "': week-based year " + year + " has no week " + week);
    }
    return of(mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY));
  }

  static IsoWeek ofIndex(int index) {
    return new IsoWeek(index);
  }

  /** The fold's week index of an epoch day (a local date). */
  static int indexOfEpochDay(long epochDay) {
    return (int) Math.floorDiv(epochDay + 3, 7);
  }

  int index() {
    return index;
  }

  /** The first day of the week. */
  public LocalDate monday() {
    return LocalDate.ofEpochDay(7L * index - 3);
  }

  public int weekBasedYear() {
    return monday().get(IsoFields.WEEK_BASED_YEAR);
  }

  public int week() {
    return monday().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** {@code 2026-W47}. */
  @JsonValue
  @Override
  public String toString() {
    return String.format("%04d-W%02d", weekBasedYear(), week());
  }

  @Override
  public int compareTo(IsoWeek other) {
    return Integer.compare(index, other.index);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsoWeek other && other.index == index;
  }

  @Override
  public int hashCode() {
    return index;
  }
}
