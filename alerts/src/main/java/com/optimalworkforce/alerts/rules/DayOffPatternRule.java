package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Checks;
import com.optimalworkforce.alerts.rules.internal.Phrases;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Caregiver;
import com.optimalworkforce.core.model.Unavailability;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Day-off pattern: a caregiver who keeps needing the same weekday off, so the schedule can treat
 * it as a standing day off instead of filling a gap each week.
 *
 * <pre>{@code
 * AlertRule rule = DayOffPatternRule.builder().lookbackWeeks(8).minWeeks(4).build();
 * // "Daniel has needed Wednesdays off 6 weeks running. Consider making Wednesday a standing day off."
 * }</pre>
 *
 * <p>Defaults: looks at the weekday in the last 6 weeks and the coming one and alerts from 3
 * occurrences; a day counts when unavailability covers at least 4 hours of it (local time); spans
 * longer than 3 days (a leave) are ignored. WARNING when the caregiver is nevertheless booked on
 * that weekday in the next 14 days, else INFO. Days are taken in the zone of the caregiver's region,
 * or of the unavailability itself when the region has no visits yet. A caregiver whose own record
 * is not known is still reported, in {@link Alert#NO_REGION} and the unavailability's zone.
 */
public final class DayOffPatternRule implements AlertRule {
  public static final String ID = "day-off-pattern";

  private final int lookbackWeeks;
  private final int minWeeks;
  private final Duration upcoming;
  private final Duration minTimeOff;
  private final Duration leaveLongerThan;

  private DayOffPatternRule(Builder b) {
    this.lookbackWeeks = b.lookbackWeeks;
    this.minWeeks = b.minWeeks;
    this.upcoming = b.upcoming;
    this.minTimeOff = b.minTimeOff;
    this.leaveLongerThan = b.leaveLongerThan;
  }

  public static DayOffPatternRule ofDefaults() {
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
    return "Day-off pattern";
  }

  @Override
  public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
    Collection<String> caregivers = scope.isAll() ? view.caregiversWithUnavailability() : scope.caregiverIds();
    Instant now = clock.instant();
    List<Alert> out = new ArrayList<>();
    for (String cg : caregivers) {
      // A caregiver whose record is not known (quarantined, say) is still checked, in no region and
      // in the zone their unavailability was entered in.
      String region = view.caregiver(cg).map(Caregiver::regionId).orElse(Alert.NO_REGION);
      Optional<ZoneId> zone = (region.equals(Alert.NO_REGION) ? Optional.<ZoneId>empty() : view.zone(region))
          .or(() -> zoneOfSpans(view, now, cg));
      if (zone.isPresent()) {
        check(view, now, cg, region, zone.get(), out);
      }
    }
    return out;
  }

  /** The zone the caregiver's unavailability was entered in, when their region has no visits to learn it from. */
  private Optional<ZoneId> zoneOfSpans(ScheduleView view, Instant now, String cg) {
    return view.unavailabilityOf(cg, now.minus(Duration.ofDays(7L * lookbackWeeks + 1)), now.plus(Duration.ofDays(8)))
        .stream().findFirst().map(Unavailability::zone);
  }

  private void check(ScheduleView view, Instant now, String cg, String region, ZoneId zone, List<Alert> out) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate first = today.minusWeeks(lookbackWeeks);
    LocalDate last = today.plusDays(7);
    List<Unavailability> spans = view.unavailabilityOf(cg, first.atStartOfDay(zone).toInstant(),
        last.atStartOfDay(zone).toInstant());
    if (spans.size() < minWeeks) {
      return;
    }
    Map<DayOfWeek, Set<LocalDate>> daysOff = new EnumMap<>(DayOfWeek.class);
    for (Unavailability u : spans) {
      if (Duration.between(u.start(), u.end()).compareTo(leaveLongerThan) > 0) {
        continue;
      }
      for (LocalDate d = u.start().atZone(zone).toLocalDate(); d.atStartOfDay(zone).toInstant().isBefore(u.end());
          d = d.plusDays(1)) {
        Instant dayStart = d.atStartOfDay(zone).toInstant();
        Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = u.start().isAfter(dayStart) ? u.start() : dayStart;
        Instant to = u.end().isBefore(dayEnd) ? u.end() : dayEnd;
        if (Duration.between(from, to).compareTo(minTimeOff) >= 0 && !d.isBefore(first) && d.isBefore(last)) {
          daysOff.computeIfAbsent(d.getDayOfWeek(), k -> new HashSet<>()).add(d);
        }
      }
    }
    for (Map.Entry<DayOfWeek, Set<LocalDate>> e : daysOff.entrySet()) {
      if (e.getValue().size() < minWeeks) {
        continue;
      }
      DayOfWeek day = e.getKey();
      LocalDate latest = last.minusDays(1).with(TemporalAdjusters.previousOrSame(day));
      int streak = 0;
      while (e.getValue().contains(latest.minusWeeks(streak))) {
        streak++;
      }
      // The latest occurrence may simply not be entered yet: count the streak from the one before too.
      int earlier = 0;
      while (e.getValue().contains(latest.minusWeeks(1 + earlier))) {
        earlier++;
      }
      streak = Math.max(streak, earlier);
      out.add(alert(view, now, zone, cg, region, day, e.getValue().size(), streak));
    }
  }

  private Alert alert(ScheduleView view, Instant now, ZoneId zone, String cg, String region, DayOfWeek day, int count,
      int streak) {
    String name = Phrases.caregiver(view, cg);
    Visit booked = null;
    for (Visit v : view.visitsOf(cg, now, now.plus(upcoming))) {
      if (v.status() == VisitStatus.SCHEDULED && v.start().atZone(zone).getDayOfWeek() == day) {
        booked = v;
        break;
      }
    }
    String pattern = streak >= minWeeks
        ? name + " has needed " + Phrases.days(day) + " off " + streak + " weeks running."
        : name + " has needed a " + Phrases.day(day) + " off in " + count + " of the last " + (lookbackWeeks + 1)
            + " weeks.";
    String advice = booked == null
        ? " Consider making " + Phrases.day(day) + " a standing day off."
        : " " + name + " is still booked for the " + Phrases.dayTime(booked.localStart())
            + " shift; consider a backup and making " + Phrases.day(day) + " a standing day off.";
    return Alert.builder(ID, Subject.caregiver(cg, day.name())).title(title())
        .severity(booked == null ? Severity.INFO : Severity.WARNING).region(region)
        .shift(booked == null ? null : booked.id()).message(pattern + advice).build();
  }

  /** Builds a {@link DayOffPatternRule}; setters check their values. */
  public static final class Builder {
    private int lookbackWeeks = 6;
    private int minWeeks = 3;
    private Duration upcoming = Duration.ofDays(14);
    private Duration minTimeOff = Duration.ofHours(4);
    private Duration leaveLongerThan = Duration.ofDays(3);

    private Builder() {}

    /** Weeks of history to look at, besides the coming week (default 6). */
    public Builder lookbackWeeks(int weeks) {
      this.lookbackWeeks = Checks.atLeast(ID, "lookbackWeeks", 1, weeks);
      return this;
    }

    /** Weeks with the same weekday off needed for an alert (default 3). */
    public Builder minWeeks(int weeks) {
      this.minWeeks = Checks.atLeast(ID, "minWeeks", 2, weeks);
      return this;
    }

    /** How far ahead a booking on that weekday makes it a WARNING (default 14 days). */
    public Builder upcoming(Duration upcoming) {
      this.upcoming = Checks.positive(ID, "upcoming", upcoming);
      return this;
    }

    /** How much of a local day unavailability must cover for the day to count as off (default 4 hours). */
    public Builder minTimeOff(Duration minTimeOff) {
      Checks.positive(ID, "minTimeOff", minTimeOff);
      if (minTimeOff.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException(ID + ": minTimeOff must be at most a day (PT24H) but was " + minTimeOff);
      }
      this.minTimeOff = minTimeOff;
      return this;
    }

    /** Unavailability longer than this is leave, not a day off, and is ignored (default 3 days). */
    public Builder leaveLongerThan(Duration leaveLongerThan) {
      this.leaveLongerThan = Checks.positive(ID, "leaveLongerThan", leaveLongerThan);
      return this;
    }

    public DayOffPatternRule build() {
      if (minWeeks > lookbackWeeks + 1) {
        throw new IllegalStateException(ID + ": minWeeks (" + minWeeks + ") exceeds the " + (lookbackWeeks + 1)
            + " weeks looked at, so the rule could never fire");
      }
      return new DayOffPatternRule(this);
    }
  }
}
