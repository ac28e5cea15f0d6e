package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Checks;
import com.optimalworkforce.alerts.rules.internal.Phrases;
import com.optimalworkforce.alerts.view.PayCalendar;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.Visit;
import com.optimalworkforce.core.model.VisitStatus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Weekend and continuity matches: an open weekend shift with the caregivers who fit it best, and
 * the continuity that makes the first one a good ask (how many recent Saturdays they worked,
 * whether they know the client).
 *
 * <pre>{@code
 * AlertRule rule = WeekendMatchRule.builder().backups(MatchScorerBackups.of(scorer)).build();
 * // "Saturday 7 AM with Mrs. Anderson. Best matches: Emma (92% - worked 8/9 Saturdays), David (88%)"
 * }</pre>
 *
 * <p>Defaults: open Saturday and Sunday shifts starting within 7 days; 2 matches named; continuity
 * counted over the last 9 weeks that have schedule data. INFO: the unfilled-shift rule raises the
 * urgency as the start nears.
 */
public final class WeekendMatchRule implements AlertRule {
  public static final String ID = "weekend-match";

  private final Duration horizon;
  private final Set<DayOfWeek> days;
  private final int matches;
  private final int lookbackWeeks;
  private final BackupFinder backups;

  private WeekendMatchRule(Builder b) {
    this.horizon = b.horizon;
    this.days = Set.copyOf(b.days);
    this.matches = b.matches;
    this.lookbackWeeks = b.lookbackWeeks;
    this.backups = b.backups;
  }

  public static WeekendMatchRule ofDefaults() {
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
    return "Weekend match";
  }

  @Override
  public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
    Instant now = clock.instant();
    Instant to = now.plus(horizon);
    List<Visit> candidates = new ArrayList<>();
    if (scope.isAll()) {
      candidates.addAll(view.unfilledStarting(now, to));
    } else {
      for (String id : scope.shiftIds()) {
        view.visit(id).filter(v -> v.isUnfilled() && v.start().isAfter(now) && v.start().isBefore(to))
            .ifPresent(candidates::add);
      }
    }
    List<Alert> out = new ArrayList<>();
    for (Visit v : candidates) {
      if (days.contains(v.localStart().getDayOfWeek())) {
        out.add(alert(view, clock, now, v));
      }
    }
    return out;
  }

  private Alert alert(ScheduleView view, Clock clock, Instant now, Visit v) {
    List<Recommendation> recs = backups.find(v, view, clock, matches);
    String head = Phrases.dayTime(v.localStart()) + " with " + Phrases.client(view, v.clientId());
    String message;
    if (recs.isEmpty()) {
      message = head + " is open. No match found yet.";
    } else {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < recs.size(); i++) {
        Recommendation r = recs.get(i);
        String continuity = i == 0 ? continuity(view, now, v, r.caregiverId()) : "";
        labels.add(continuity.isEmpty() ? r.label() : r.name() + " (" + r.percent() + "% - " + continuity + ")");
      }
      message = head + ". Best matches: " + String.join(", ", labels);
    }
    return Alert.builder(ID, Subject.shift(v.id())).title(title()).severity(Severity.INFO).region(v.regionId())
        .shift(v.id()).message(message).recommended(recs).build();
  }

  /** "worked 8/9 Saturdays, knows Mrs. Anderson", or "" when there is nothing to say. */
  private String continuity(ScheduleView view, Instant now, Visit shift, String caregiverId) {
    ZoneId zone = shift.zone();
    DayOfWeek day = shift.localStart().getDayOfWeek();
    LocalDate today = now.atZone(zone).toLocalDate();
    PayCalendar pay = view.payCalendar();
    SortedMap<LocalDate, Double> weekly = view.weeklyHours(shift.regionId());
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = today.minusDays(1).with(java.time.temporal.TemporalAdjusters.previousOrSame(day));
        dates.size() < lookbackWeeks; d = d.minusWeeks(1)) {
      if (weekly.getOrDefault(pay.weekOf(d.atStartOfDay(zone).toInstant(), zone), 0.0) <= 0) {
        break; // no schedule data that far back
      }
      dates.add(d);
    }
    Set<LocalDate> worked = new HashSet<>();
    boolean knowsClient = false;
    if (!dates.isEmpty()) {
      Instant from = dates.get(dates.size() - 1).atStartOfDay(zone).toInstant();
      for (Visit w : view.visitsOf(caregiverId, from, now)) {
        if (w.status() == VisitStatus.COMPLETED || w.status() == VisitStatus.IN_PROGRESS) {
          worked.add(w.localStart().toLocalDate());
          knowsClient |= w.clientId().equals(shift.clientId());
        }
      }
    }
    List<String> parts = new ArrayList<>();
    long k = dates.stream().filter(worked::contains).count();
    if (k > 0) {
      parts.add("worked " + k + "/" + dates.size() + " " + Phrases.days(day));
    }
    if (knowsClient) {
      parts.add("knows " + Phrases.client(view, shift.clientId()));
    }
    return parts.stream().collect(Collectors.joining(", "));
  }

  /** Builds a {@link WeekendMatchRule}; setters check their values. */
  public static final class Builder {
    private Duration horizon = Duration.ofDays(7);
    private Set<DayOfWeek> days = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private int matches = 2;
    private int lookbackWeeks = 9;
    private BackupFinder backups = BackupFinder.none();

    private Builder() {}

    /** Open shifts starting within this (default 7 days). */
    public Builder horizon(Duration horizon) {
      this.horizon = Checks.positive(ID, "horizon", horizon);
      return this;
    }

    /** Which days count as the weekend (default Saturday and Sunday). */
    public Builder days(Set<DayOfWeek> days) {
      Objects.requireNonNull(days, "days");
      if (days.isEmpty()) {
        throw new IllegalArgumentException(ID + ": days must name at least one weekday");
      }
      this.days = EnumSet.copyOf(days);
      return this;
    }

    /** How many matches to name (default 2). */
    public Builder matches(int matches) {
      this.matches = Checks.atLeast(ID, "matches", 1, matches);
      return this;
    }

    /** Weeks of history for "worked k/n Saturdays" (default 9). */
    public Builder lookbackWeeks(int weeks) {
      this.lookbackWeeks = Checks.atLeast(ID, "lookbackWeeks", 1, weeks);
      return this;
    }

    /** Where matches come from (default: none). */
    public Builder backups(BackupFinder backups) {
      this.backups = Objects.requireNonNull(backups, "backups");
      return this;
    }

    public WeekendMatchRule build() {
      return new WeekendMatchRule(this);
    }
  }
}
