package com.optimalworkforce.alerts.view;

import com.optimalworkforce.core.model.Visit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.function.ObjDoubleConsumer;

/**
 * The agency's pay weeks: they start at local midnight of a configurable weekday (Monday by
 * default) in each region's time zone. A pay week is named by the local date it starts on.
 *
 * <pre>{@code
 * PayCalendar pay = PayCalendar.startingOn(DayOfWeek.SUNDAY);
 * LocalDate week = pay.weekOf(visit.start(), visit.zone());     // the Sunday that starts it
 * Instant from = pay.start(week, zone), to = pay.end(week, zone); // 167, 168 or 169 hours apart
 * }</pre>
 *
 * <p>A shift that crosses the start of a pay week counts in both weeks, each for the hours that
 * fall in it; hours are real elapsed time, so a night shift across a DST change counts 7 or 9 hours.
 */
public final class PayCalendar {
  private static final PayCalendar MONDAY = new PayCalendar(DayOfWeek.MONDAY);

  private final DayOfWeek firstDay;

  private PayCalendar(DayOfWeek firstDay) {
    this.firstDay = firstDay;
  }

  /** Pay weeks starting on Monday at midnight. */
  public static PayCalendar ofDefaults() {
    return MONDAY;
  }

  public static PayCalendar startingOn(DayOfWeek firstDay) {
    return new PayCalendar(Objects.requireNonNull(firstDay, "firstDay"));
  }

  public DayOfWeek firstDay() {
    return firstDay;
  }

  /** The pay week (its first local date) that holds this instant in this zone. */
  public LocalDate weekOf(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(firstDay));
  }

  /** When the pay week starts. */
  public Instant start(LocalDate week, ZoneId zone) {
    return week.atStartOfDay(zone).toInstant();
  }

  /** When the pay week ends (the next one starts). */
  public Instant end(LocalDate week, ZoneId zone) {
    return week.plusWeeks(1).atStartOfDay(zone).toInstant();
  }

  /** Calls {@code sink} with each pay week the visit touches and the hours that fall in it. */
  public void split(Visit visit, ObjDoubleConsumer<LocalDate> sink) {
    ZoneId zone = visit.zone();
    Instant from = visit.start();
    LocalDate week = weekOf(from, zone);
    while (from.isBefore(visit.end())) {
      Instant weekEnd = end(week, zone);
      Instant to = weekEnd.isBefore(visit.end()) ? weekEnd : visit.end();
      sink.accept(week, Duration.between(from, to).toSeconds() / 3600.0);
      from = to;
      week = week.plusWeeks(1);
    }
  }

  @Override
  public String toString() {
    return "PayCalendar[starts " + firstDay + "]";
  }
}
