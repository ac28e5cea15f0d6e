package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Checks;
import com.optimalworkforce.alerts.rules.internal.Phrases;
import com.optimalworkforce.alerts.view.ScheduleView;
import com.optimalworkforce.core.model.CallOut;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Call-out pattern: a caregiver who called out of shifts on the same weekday in most of the
 * recent weeks.
 *
 * <pre>{@code
 * AlertRule rule = CallOutPatternRule.builder().lookbackWeeks(6).minCallOuts(3).build();
 * // "Maria has called out the last 3 Mondays. Recommend backup plan for Maria's Monday shifts going forward."
 * }</pre>
 *
 * <p>Defaults: looks at the last 4 occurrences of each weekday and alerts when the caregiver called
 * out on at least 3 of them; WARNING when they are booked on that weekday in the next 7 days, else
 * INFO. Weekdays are taken in the region's zone from the start of the shift called out of. The
 * alert's region is the caregiver's, else that of the shifts called out of; when neither is known
 * it is {@link Alert#NO_REGION} (the call-outs' own zone is used), so the pattern is still reported.
 */
public final class CallOutPatternRule implements AlertRule {
  public static final String ID = "call-out-pattern";

  private final int lookbackWeeks;
  private final int minCallOuts;
  private final Duration upcoming;

  private CallOutPatternRule(Builder b) {
    this.lookbackWeeks = b.lookbackWeeks;
    this.minCallOuts = b.minCallOuts;
    this.upcoming = b.upcoming;
  }

  public static CallOutPatternRule ofDefaults() {
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
    return "Call-out pattern";
  }

  @Override
  public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
    Collection<String> caregivers = scope.isAll() ? view.caregiversWithCallOuts() : scope.caregiverIds();
    Instant now = clock.instant();
    List<Alert> out = new ArrayList<>();
    for (String cg : caregivers) {
      check(view, now, cg, out);
    }
    return out;
  }

  private void check(ScheduleView view, Instant now, String cg, List<Alert> out) {
    List<CallOut> recent = view.callOutsOf(cg, now.minus(Duration.ofDays(7L * (lookbackWeeks + 1))), now);
    if (recent.size() < minCallOuts) {
      return;
    }
    ZoneId zone = view.caregiver(cg).flatMap(c -> view.zone(c.regionId())).orElse(recent.get(0).zone());
    LocalDate today = now.atZone(zone).toLocalDate();
    Map<DayOfWeek, Set<LocalDate>> byDay = new EnumMap<>(DayOfWeek.class);
    for (CallOut c : recent) {
      LocalDate d = c.shiftStart().atZone(zone).toLocalDate();
      byDay.computeIfAbsent(d.getDayOfWeek(), k -> new TreeSet<>()).add(d);
    }
    for (Map.Entry<DayOfWeek, Set<LocalDate>> e : byDay.entrySet()) {
      DayOfWeek day = e.getKey();
      Set<LocalDate> dates = e.getValue();
      // The latest occurrence of the weekday: today if they already called out today, else the last one before.
      LocalDate last = dates.contains(today) ? today : today.minusDays(1).with(TemporalAdjusters.previousOrSame(day));
      int count = 0;
      int streak = 0;
      boolean unbroken = true;
      for (int i = 0; i < lookbackWeeks; i++) {
        boolean hit = dates.contains(last.minusWeeks(i));
        count += hit ? 1 : 0;
        unbroken &= hit;
        streak += unbroken ? 1 : 0;
      }
      if (count < minCallOuts) {
        continue;
      }
      // Neither the caregiver nor their shifts known (quarantined, say): the pattern still stands,
      // in no region, for the routes that take every region and the feed.
      String region = view.caregiver(cg).map(c -> c.regionId())
          .or(() -> recent.stream().flatMap(c -> view.visit(c.visitId()).stream()).map(Visit::regionId).findFirst())
          .orElse(Alert.NO_REGION);
      out.add(alert(view, now, zone, cg, region, day, count, streak));
    }
  }

  private Alert alert(ScheduleView view, Instant now, ZoneId zone, String cg, String region, DayOfWeek day, int count,
      int streak) {
    String name = Phrases.caregiver(view, cg);
    Visit next = null;
    for (Visit v : view.visitsOf(cg, now, now.plus(upcoming))) {
      if (v.status() == VisitStatus.SCHEDULED && v.start().atZone(zone).getDayOfWeek() == day) {
        next = v;
        break;
      }
    }
    String pattern = streak >= minCallOuts
        ? name + " has called out the last " + streak + " " + Phrases.days(day) + "."
        : name + " has called out on " + count + " of the last " + lookbackWeeks + " " + Phrases.days(day) + ".";
    return Alert.builder(ID, Subject.caregiver(cg, day.name())).title(title())
        .severity(next != null ? Severity.WARNING : Severity.INFO).region(region)
        .shift(next == null ? null : next.id())
        .message(pattern + " Recommend backup plan for " + name + "'s " + Phrases.day(day) + " shifts going forward.")
        .build();
  }

  /** Builds a {@link CallOutPatternRule}; setters check their values. */
  public static final class Builder {
    private int lookbackWeeks = 4;
    private int minCallOuts = 3;
    private Duration upcoming = Duration.ofDays(7);

    private Builder() {}

    /** How many recent occurrences of each weekday to look at (default 4). */
    public Builder lookbackWeeks(int weeks) {
      this.lookbackWeeks = Checks.atLeast(ID, "lookbackWeeks", 1, weeks);
      return this;
    }

    /** Call-outs on the same weekday needed for an alert (default 3). */
    public Builder minCallOuts(int count) {
      this.minCallOuts = Checks.atLeast(ID, "minCallOuts", 2, count);
      return this;
    }

    /** How far ahead a booked shift on that weekday makes it a WARNING (default 7 days). */
    public Builder upcoming(Duration upcoming) {
      this.upcoming = Checks.positive(ID, "upcoming", upcoming);
      return this;
    }

    public CallOutPatternRule build() {
      if (minCallOuts > lookbackWeeks) {
        throw new IllegalStateException(ID + ": minCallOuts (" + minCallOuts + ") exceeds lookbackWeeks ("
            + lookbackWeeks + "), so the rule could never fire");
      }
      return new CallOutPatternRule(this);
    }
  }
}
