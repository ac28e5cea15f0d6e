package com.optimalworkforce.connectors.alayacare.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Expands AlayaCare's unavailability {@code rrule} into occurrences inside a window, with
 * lib-recur doing the RFC 5545 arithmetic. AlayaCare puts {@code DTSTART} (and a non-standard
 * {@code TIMEZONE}) inside the rule text; they are taken out, the rule is expanded in the
 * employee's local time (so a 9:00 rule stays at 9:00 across a DST change), and each occurrence
 * lasts {@code duration} minutes, or the whole local day when {@code all_day}. Not API.
 *
 * <pre>{@code
 * List<Occurrence> days = RecurrenceExpander.expand(
 *     "FREQ=WEEKLY;DTSTART=20261104T050000Z;INTERVAL=1;BYDAY=WE;TIMEZONE=America/Toronto",
 *     true, 0, ZoneId.of("America/Toronto"), window.from(), window.to());
 * }</pre>
 */
public final class RecurrenceExpander {
  private static final DateTimeFormatter BASIC_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final DateTimeFormatter BASIC_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  /** A guard against rules that would yield absurd numbers of occurrences in one window. */
  private static final int MAX_OCCURRENCES = 10_000;

  private RecurrenceExpander() {}

  /** One occurrence: {@code [start, end)}. */
  public record Occurrence(Instant start, Instant end) {}

  /**
   * The occurrences overlapping {@code [from, to)}, in order.
   *
   * @param zone the employee's zone, used when the rule names none
   * @throws IllegalArgumentException naming what is wrong when the rule cannot be read
   */
  public static List<Occurrence> expand(String rrule, boolean allDay, int durationMinutes, ZoneId zone, Instant from,
      Instant to) {
    if (rrule == null || rrule.isBlank()) {
      throw new IllegalArgumentException("rrule is missing");
    }
    if (!allDay && durationMinutes <= 0) {
      throw new IllegalArgumentException("duration must be positive for an unavailability that is not all day, but was "
          + durationMinutes);
    }
    String dtstart = null;
    String until = null;
    ZoneId ruleZone = zone;
    StringBuilder rest = new StringBuilder();
    for (String part : rrule.strip().split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip();
      switch (name) {
        case "DTSTART" -> dtstart = value;
        case "UNTIL" -> until = value;
        case "TIMEZONE", "TZID" -> ruleZone = zone(value);
        default -> rest.append(rest.length() == 0 ? "" : ";").append(name).append('=').append(value);
      }
    }
    if (dtstart == null) {
      throw new IllegalArgumentException("rrule '" + rrule + "' has no DTSTART");
    }
    LocalDateTime start = local(dtstart, ruleZone, "DTSTART");
    if (allDay) {
      start = start.toLocalDate().atStartOfDay();
    }
    if (until != null) {
      LocalDateTime u = local(until, ruleZone, "UNTIL");
      rest.append(";UNTIL=").append(BASIC_LOCAL.format(allDay ? u.toLocalDate().atTime(23, 59, 59) : u));
    }
    RecurrenceRule rule;
    try {
      rule = new RecurrenceRule(rest.toString(), RecurrenceRule.RfcMode.RFC5545_LAX);
    } catch (InvalidRecurrenceRuleException e) {
      throw new IllegalArgumentException("rrule '" + rrule + "' is not a valid RFC 5545 rule: " + e.getMessage(), e);
    }
    Duration length = Duration.ofMinutes(durationMinutes);
    RecurrenceRuleIterator it = rule.iterator(new DateTime(start.getYear(), start.getMonthValue() - 1,
        start.getDayOfMonth(), start.getHour(), start.getMinute(), start.getSecond()));
    // Skip to shortly before the window: an occurrence that began earlier can still overlap it.
    LocalDateTime skipTo = from.atZone(ruleZone).toLocalDateTime().minus(allDay ? Duration.ofDays(2) : length.plusDays(1));
    if (skipTo.isAfter(start)) {
      it.fastForward(new DateTime(skipTo.getYear(), skipTo.getMonthValue() - 1, skipTo.getDayOfMonth(),
          skipTo.getHour(), skipTo.getMinute(), skipTo.getSecond()));
    }
    List<Occurrence> out = new ArrayList<>();
    int guard = 0;
    while (it.hasNext()) {
      DateTime next = it.nextDateTime();
      LocalDateTime local = LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
          next.isAllDay() ? 0 : next.getHours(), next.isAllDay() ? 0 : next.getMinutes(),
          next.isAllDay() ? 0 : next.getSeconds());
      ZonedDateTime occurrenceStart = allDay ? local.toLocalDate().atStartOfDay(ruleZone) : local.atZone(ruleZone);
      Instant s = occurrenceStart.toInstant();
      if (!s.isBefore(to)) {
        break;
      }
      Instant e = allDay ? local.toLocalDate().plusDays(1).atStartOfDay(ruleZone).toInstant() : s.plus(length);
      if (e.isAfter(from)) {
        out.add(new Occurrence(s, e));
      }
      if (++guard > MAX_OCCURRENCES) {
        throw new IllegalArgumentException("rrule '" + rrule + "' yields more than " + MAX_OCCURRENCES
            + " occurrences in the window");
      }
    }
    return out;
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("TIMEZONE '" + id + "' is not an IANA time zone", e);
    }
  }

  /** A DTSTART/UNTIL value as local time in {@code zone}: UTC ({@code ...Z}), floating, a date, or extended ISO 8601. */
  static LocalDateTime local(String value, ZoneId zone, String name) {
    try {
      if (value.length() == 16 && value.endsWith("Z")) {
        return LocalDateTime.parse(value, BASIC_UTC).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
      }
      if (value.length() == 15) {
        return LocalDateTime.parse(value, BASIC_LOCAL);
      }
      if (value.length() == 8) {
        return LocalDate.parse(value, BASIC_DATE).atStartOfDay();
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDateTime();
      }
      return LocalDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not an ISO 8601 date-time", e);
    }
  }
}
