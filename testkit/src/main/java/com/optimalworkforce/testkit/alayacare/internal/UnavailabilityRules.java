package com.optimalworkforce.testkit.alayacare.internal;

import com.optimalworkforce.core.model.Unavailability;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a caregiver's unavailability occurrences back into AlayaCare's recurring entries: the same
 * span on the same weekday in consecutive weeks becomes one {@code FREQ=WEEKLY} rule, anything else
 * a single-occurrence {@code FREQ=DAILY} rule whose {@code UNTIL} is its {@code DTSTART}. Not API.
 */
public final class UnavailabilityRules {
  private static final DateTimeFormatter RRULE_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private UnavailabilityRules() {}

  /** One AlayaCare unavailability: a rule and the agency occurrences it stands for. */
  public record Rule(long id, ZoneId zone, boolean allDay, int durationMinutes, String reason, String rrule,
      List<Unavailability> occurrences) {

    public Instant firstStart() {
      return occurrences.get(0).start();
    }

    public Instant lastEnd() {
      return occurrences.get(occurrences.size() - 1).end();
    }
  }

  /** Folds one caregiver's occurrences; {@code ids} numbers the rules. */
  public static List<Rule> fold(List<Unavailability> occurrences, IdMap ids) {
    Map<String, List<Unavailability>> groups = new LinkedHashMap<>();
    occurrences.stream().sorted(Comparator.comparing(Unavailability::start).thenComparing(Unavailability::id))
        .forEach(u -> groups.computeIfAbsent(groupKey(u), k -> new ArrayList<>()).add(u));
    List<Rule> rules = new ArrayList<>();
    for (List<Unavailability> group : groups.values()) {
      List<Unavailability> run = new ArrayList<>();
      for (Unavailability u : group) {
        if (!run.isEmpty() && !nextWeek(run.get(run.size() - 1), u)) {
          rules.add(rule(run, ids));
          run = new ArrayList<>();
        }
        run.add(u);
      }
      if (!run.isEmpty()) {
        rules.add(rule(run, ids));
      }
    }
    rules.sort(Comparator.comparingLong(Rule::id));
    return rules;
  }

  private static String groupKey(Unavailability u) {
    ZonedDateTime start = u.start().atZone(u.zone());
    return allDay(u) + "|" + start.getDayOfWeek() + "|" + start.toLocalTime() + "|"
        + Duration.between(u.start(), u.end()).toMinutes() + "|" + u.reason();
  }

  private static boolean nextWeek(Unavailability previous, Unavailability u) {
    LocalDate a = previous.start().atZone(previous.zone()).toLocalDate();
    LocalDate b = u.start().atZone(u.zone()).toLocalDate();
    return ChronoUnit.DAYS.between(a, b) == 7;
  }

  static boolean allDay(Unavailability u) {
    ZonedDateTime start = u.start().atZone(u.zone());
    return start.toLocalTime().equals(LocalTime.MIDNIGHT)
        && u.end().equals(start.toLocalDate().plusDays(1).atStartOfDay(u.zone()).toInstant());
  }

  private static Rule rule(List<Unavailability> run, IdMap ids) {
    Unavailability first = run.get(0);
    Unavailability last = run.get(run.size() - 1);
    boolean allDay = allDay(first);
    int minutes = allDay ? 0 : (int) Duration.between(first.start(), first.end()).toMinutes();
    StringBuilder rrule = new StringBuilder();
    if (run.size() > 1) {
      String day = first.start().atZone(first.zone()).getDayOfWeek().name().substring(0, 2);
      rrule.append("FREQ=WEEKLY;DTSTART=").append(RRULE_UTC.format(first.start()))
          .append(";UNTIL=").append(RRULE_UTC.format(last.start())).append(";INTERVAL=1;BYDAY=").append(day);
    } else {
      rrule.append("FREQ=DAILY;DTSTART=").append(RRULE_UTC.format(first.start()))
          .append(";UNTIL=").append(RRULE_UTC.format(first.start())).append(";INTERVAL=1");
    }
    rrule.append(";TIMEZONE=").append(first.zone().getId());
    return new Rule(ids.id("U:" + first.id()), first.zone(), allDay, minutes, first.reason(), rrule.toString(),
        List.copyOf(run));
  }
}
