package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Checks;
import com.optimalworkforce.alerts.rules.internal.Phrases;
import com.optimalworkforce.alerts.view.PayCalendar;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Overtime risk: a caregiver booked close to (or past) the weekly overtime threshold in the
 * current or next pay week, with the upcoming shift to hand to a backup.
 *
 * <pre>{@code
 * AlertRule rule = OvertimeRiskRule.builder().threshold(44).margin(4).build(); // Ontario: 44 h
 * // "John scheduled 42 hours this week, approaching OT threshold (45 hrs). Consider backup for the Thursday evening shift."
 * }</pre>
 *
 * <p>Defaults: threshold 45 hours, alert from 4 hours below it (INFO), WARNING at or past it;
 * checks the current pay week and the next one. The shift suggested for a backup is the shortest
 * not-yet-started shift of that week that alone brings the caregiver out of the risk zone (the
 * least disruption), else the longest one. Hours are split at pay-week boundaries in the region's
 * zone, so a night shift across the week's start counts in both weeks.
 */
public final class OvertimeRiskRule implements AlertRule {
  public static final String ID = "overtime-risk";
  private static final DateTimeFormatter WEEK_OF = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private final double threshold;
  private final double margin;
  private final int weeksAhead;

  private OvertimeRiskRule(Builder b) {
    this.threshold = b.threshold;
    this.margin = b.margin;
    this.weeksAhead = b.weeksAhead;
  }

  public static OvertimeRiskRule ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Overtime risk";
  }

  /** Pay-week arithmetic in a zone, remembered for one evaluation (zone rules are slow to query). */
  private static final class Weeks {
    private final PayCalendar pay;
    private final Instant now;
    private final Map<ZoneId, LocalDate> current = new HashMap<>();
    private final Map<ZoneId, Map<LocalDate, Instant>> starts = new HashMap<>();

    Weeks(PayCalendar pay, Instant now) {
      this.pay = pay;
      this.now = now;
    }

    LocalDate current(ZoneId zone) {
      return current.computeIfAbsent(zone, z -> pay.weekOf(now, z));
    }

    Instant start(LocalDate week, ZoneId zone) {
      return starts.computeIfAbsent(zone, z -> new HashMap<>()).computeIfAbsent(week, w -> pay.start(w, zone));
    }
  }

  @Override
  public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
    Instant now = clock.instant();
    PayCalendar pay = view.payCalendar();
    Weeks cache = new Weeks(pay, now);
    double alertFrom = threshold - margin;
    List<Alert> out = new ArrayList<>();
    if (scope.isAll()) {
      // Every pay week that is "current" in some region's zone, and the ones after it.
      Set<LocalDate> weeks = new HashSet<>();
      for (String region : view.regionIds()) {
        view.zone(region).ifPresent(zone -> {
          LocalDate current = cache.current(zone);
          for (int i = 0; i <= weeksAhead; i++) {
            weeks.add(current.plusWeeks(i));
          }
        });
      }
      for (LocalDate week : weeks) {
        view.hoursByCaregiver(week).forEach((cg, hours) -> {
          if (hours >= alertFrom) {
            check(view, now, cg, week, cache).ifPresent(out::add);
          }
        });
      }
    } else {
      for (String cg : scope.caregiverIds()) {
        out.addAll(checkAllWeeks(view, now, cg, cache));
      }
    }
    return out;
  }

  private Collection<Alert> checkAllWeeks(ScheduleView view, Instant now, String caregiverId, Weeks cache) {
    Optional<Home> home = home(view, now, caregiverId);
    if (home.isEmpty()) {
      return List.of();
    }
    LocalDate current = cache.current(home.get().zone());
    List<Alert> out = new ArrayList<>();
    for (int i = 0; i <= weeksAhead; i++) {
      LocalDate week = current.plusWeeks(i);
      if (view.hoursOf(caregiverId, week) >= threshold - margin) {
        check(view, now, caregiverId, week, cache).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Where a caregiver's alerts go and whose zone cuts their pay weeks. */
  private record Home(String regionId, ZoneId zone) {}

  /**
   * The caregiver's home region and its zone; when the caregiver's record is missing (quarantined,
   * say) or their region has no visits to learn the zone from, those of one of their own visits, so
   * booked hours never go unchecked.
   */
  private Optional<Home> home(ScheduleView view, Instant now, String caregiverId) {
    Optional<Caregiver> caregiver = view.caregiver(caregiverId);
    Optional<ZoneId> zone = caregiver.flatMap(c -> view.zone(c.regionId()));
    if (zone.isPresent()) {
      return Optional.of(new Home(caregiver.get().regionId(), zone.get()));
    }
    // Booked hours in the weeks checked come from visits starting at most a day before the current
    // week (a night shift) and before the end of the last week checked.
    List<Visit> visits = view.visitsOf(caregiverId, now.minus(Duration.ofDays(8)),
        now.plus(Duration.ofDays(7L * (weeksAhead + 1) + 1)));
    if (visits.isEmpty()) {
      return Optional.empty();
    }
    Visit v = visits.get(0);
    return Optional.of(new Home(caregiver.map(Caregiver::regionId).orElse(v.regionId()), v.zone()));
  }

  private Optional<Alert> check(ScheduleView view, Instant now, String cg, LocalDate week, Weeks cache) {
    Optional<Home> home = home(view, now, cg);
    if (home.isEmpty()) {
      return Optional.empty();
    }
    ZoneId zone = home.get().zone();
    LocalDate current = cache.current(zone);
    if (week.isBefore(current) || week.isAfter(current.plusWeeks(weeksAhead))) {
      return Optional.empty(); // only "current" in another region's zone
    }
    double hours = view.hoursOf(cg, week);
    double alertFrom = threshold - margin;
    if (hours < alertFrom) {
      return Optional.empty();
    }
    Instant weekStart = cache.start(week, zone);
    Instant weekEnd = cache.start(week.plusWeeks(1), zone);
    // Shifts that start before the week but run into it count too: look back a day.
    List<Visit> upcoming = new ArrayList<>();
    for (Visit v : view.visitsOf(cg, weekStart.minusSeconds(86_400), weekEnd)) {
      if (v.status() == VisitStatus.SCHEDULED && v.start().isAfter(now) && v.end().isAfter(weekStart)) {
        upcoming.add(v);
      }
    }
    Visit move = null;
    double moveHours = 0;
    for (Visit v : upcoming) {
      double inWeek = hoursInWeek(v, weekStart, weekEnd);
      boolean enough = hours - inWeek < alertFrom;
      boolean moveEnough = move != null && hours - moveHours < alertFrom;
      if (move == null
          || (enough && (!moveEnough || inWeek < moveHours))
          || (!enough && !moveEnough && inWeek > moveHours)) {
        move = v;
        moveHours = inWeek;
      }
    }
    String name = Phrases.caregiver(view, cg);
    String when = current.equals(week) ? "this week" : current.plusWeeks(1).equals(week) ? "next week"
        : "the week of " + WEEK_OF.format(week);
    boolean over = hours >= threshold;
    String head = name + " scheduled " + Phrases.hours(hours) + " hours " + when + ", "
        + (over ? "over" : "approaching") + " OT threshold (" + Phrases.hours(threshold) + " hrs). ";
    String advice = move == null
        ? "Avoid booking " + name + " for more shifts " + when + "."
        : "Consider backup for the " + Phrases.day(move.localStart().getDayOfWeek()) + " "
            + Phrases.partOfDay(move.localStart()) + " shift.";
    return Optional.of(Alert.builder(ID, Subject.caregiver(cg, week.toString())).title(title())
        .severity(over ? Severity.WARNING : Severity.INFO).region(home.get().regionId())
        .shift(move == null ? null : move.id()).message(head + advice).build());
  }

  private static double hoursInWeek(Visit v, Instant weekStart, Instant weekEnd) {
    Instant from = v.start().isBefore(weekStart) ? weekStart : v.start();
    Instant to = v.end().isAfter(weekEnd) ? weekEnd : v.end();
    return Math.max(0, Duration.between(from, to).toSeconds() / 3600.0);
  }

  /** Builds an {@link OvertimeRiskRule}; setters check their values. */
  public static final class Builder {
    private double threshold = 45;
    private double margin = 4;
    private int weeksAhead = 1;

    private Builder() {}

    /** Weekly hours from which overtime is paid (default 45). */
    public Builder threshold(double hours) {
      this.threshold = Checks.positive(ID, "threshold", hours);
      return this;
    }

    /** Alert from this many hours below the threshold (default 4). */
    public Builder margin(double hours) {
      if (!(hours >= 0) || Double.isInfinite(hours)) {
        throw new IllegalArgumentException(ID + ": margin must be zero or more hours but was " + hours);
      }
      this.margin = hours;
      return this;
    }

    /** Pay weeks after the current one to check (default 1). */
    public Builder weeksAhead(int weeks) {
      this.weeksAhead = Checks.atLeast(ID, "weeksAhead", 0, weeks);
      return this;
    }

    public OvertimeRiskRule build() {
      if (margin >= threshold) {
        throw new IllegalStateException(ID + ": margin (" + margin + ") must be below the threshold (" + threshold + ")");
      }
      return new OvertimeRiskRule(this);
    }
  }
}
