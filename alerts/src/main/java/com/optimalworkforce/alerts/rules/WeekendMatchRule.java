package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Candidates;
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
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

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
 * <p>Among the finder's best 8 candidates, those with continuity (they know the client, or worked at
 * least half of the same weekdays recently: {@code continuityShare}) are named first; others only fill up; the names are
 * then listed best match first, each with its continuity. Defaults: open Saturday and Sunday
 * shifts starting within 7 days; 2 matches named; continuity counted over the last 9 weeks that
 * have schedule data. INFO: the unfilled-shift rule raises the urgency as the start nears.
 */
public final class WeekendMatchRule implements AlertRule {
  public static final String ID = "weekend-match";

  private final Duration horizon;
  private final Set<DayOfWeek> days;
  private final int matches;
  private final int lookbackWeeks;
  private final int poolSize;
  private final double continuityShare;
  private final BackupFinder backups;

  private WeekendMatchRule(Builder b) {
    this.horizon = b.horizon;
    this.days = Set.copyOf(b.days);
    this.matches = b.matches;
    this.lookbackWeeks = b.lookbackWeeks;
    this.poolSize = b.poolSize;
    this.continuityShare = b.continuityShare;
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
    Map<ZoneId, List<Instant[]>> weekendsByZone = new HashMap<>();
    if (scope.isAll()) {
      // Only the weekend days: the earliest and latest weekend instants over the regions' zones.
      Instant from = null;
      Instant until = null;
      for (String region : view.regionIds()) {
        Optional<ZoneId> zone = view.zone(region);
        if (zone.isEmpty()) {
          continue;
        }
        for (Instant[] span : weekendsByZone.computeIfAbsent(zone.get(), z -> weekendSpans(z, now, to))) {
          from = from == null || span[0].isBefore(from) ? span[0] : from;
          until = until == null || span[1].isAfter(until) ? span[1] : until;
        }
      }
      if (from != null) {
        candidates.addAll(view.unfilledStarting(from.isBefore(now) ? now : from, until.isAfter(to) ? to : until));
      }
    } else {
      for (String id : scope.shiftIds()) {
        view.visit(id).filter(v -> v.isUnfilled() && v.start().isAfter(now) && v.start().isBefore(to))
            .ifPresent(candidates::add);
      }
    }
    List<Alert> out = new ArrayList<>();
    Map<String, WorkHistory> worked = new HashMap<>(); // per caregiver, for this run
    for (Visit v : candidates) {
      // Compare instants with the zone's weekend spans: cheaper than a local date per open shift.
      List<Instant[]> weekends = weekendsByZone.computeIfAbsent(v.zone(), z -> weekendSpans(z, now, to));
      for (Instant[] span : weekends) {
        if (!v.start().isBefore(span[0]) && v.start().isBefore(span[1])) {
          out.add(alert(view, clock, now, v, worked));
          break;
        }
      }
    }
    return out;
  }

  /** The local days of {@link #days} between {@code from} and {@code to}, as instant spans in the zone. */
  private List<Instant[]> weekendSpans(ZoneId zone, Instant from, Instant to) {
    List<Instant[]> spans = new ArrayList<>();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      if (days.contains(d.getDayOfWeek())) {
        spans.add(new Instant[] {d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant()});
      }
    }
    return spans;
  }

  private Alert alert(ScheduleView view, Clock clock, Instant now, Visit v, Map<String, WorkHistory> worked) {
    List<Recommendation> pool = Candidates.backups(backups, v, view, clock, poolSize);
    List<LocalDate> dates = pool.isEmpty() ? List.of() : recentSameDays(view, now, v);
    // Continuity first: among the scorer's candidates, those who know the client or work most of
    // these weekend days; the rest only fill up. Then best match first.
    List<Recommendation> picked = new ArrayList<>();
    Map<String, Continuity> continuity = new HashMap<>();
    for (Recommendation r : pool) {
      WorkHistory history = worked.computeIfAbsent(r.caregiverId(), id -> workHistory(view, now, id));
      continuity.put(r.caregiverId(), history.continuity(v, dates));
    }
    for (Recommendation r : pool) {
      if (picked.size() < matches && continuity.get(r.caregiverId()).strong(continuityShare)) {
        picked.add(r);
      }
    }
    for (Recommendation r : pool) {
      if (picked.size() < matches && !picked.contains(r)) {
        picked.add(r);
      }
    }
    picked.sort(Comparator.comparingInt(Recommendation::percent).reversed());
    String head = Phrases.dayTime(v.localStart()) + " with " + Phrases.client(view, v.clientId());
    String message;
    if (picked.isEmpty()) {
      message = head + " is open. No match found yet.";
    } else {
      List<String> labels = new ArrayList<>();
      for (Recommendation r : picked) {
        String why = continuity.get(r.caregiverId()).describe(Phrases.days(v.localStart().getDayOfWeek()),
            Phrases.client(view, v.clientId()));
        labels.add(why.isEmpty() ? r.label() : r.name() + " (" + r.percent() + "% - " + why + ")");
      }
      message = head + ". Best matches: " + String.join(", ", labels);
    }
    return Alert.builder(ID, Subject.shift(v.id())).title(title()).severity(Severity.INFO).region(v.regionId())
        .shift(v.id()).message(message).recommended(picked).build();
  }

  /** The last occurrences of the shift's weekday before today that have schedule data, latest first. */
  private List<LocalDate> recentSameDays(ScheduleView view, Instant now, Visit shift) {
    ZoneId zone = shift.zone();
    DayOfWeek day = shift.localStart().getDayOfWeek();
    LocalDate today = now.atZone(zone).toLocalDate();
    PayCalendar pay = view.payCalendar();
    SortedMap<LocalDate, Double> weekly = view.weeklyHours(shift.regionId());
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = today.minusDays(1).with(TemporalAdjusters.previousOrSame(day)); dates.size() < lookbackWeeks;
        d = d.minusWeeks(1)) {
      if (weekly.getOrDefault(pay.weekOf(d.atStartOfDay(zone).toInstant(), zone), 0.0) <= 0) {
        break; // no schedule data that far back
      }
      dates.add(d);
    }
    return dates;
  }

  /** How a caregiver is tied to the shift: days worked out of the recent same weekdays, and the client. */
  private record Continuity(long worked, int of, boolean knowsClient) {
    boolean strong(double share) {
      return knowsClient || (of > 0 && worked >= share * of);
    }

    /** "worked 8/9 Saturdays, knows Mrs. Anderson", or "" when there is nothing to say. */
    String describe(String days, String client) {
      List<String> parts = new ArrayList<>(2);
      if (worked > 0) {
        parts.add("worked " + worked + "/" + of + " " + days);
      }
      if (knowsClient) {
        parts.add("knows " + client);
      }
      return String.join(", ", parts);
    }
  }

  /** The days a caregiver worked (local dates of completed or started visits) and whom for, over the lookback. */
  private record WorkHistory(Set<LocalDate> days, Set<String> clients) {
    Continuity continuity(Visit shift, List<LocalDate> dates) {
      if (dates.isEmpty()) {
        return new Continuity(0, 0, false);
      }
      return new Continuity(dates.stream().filter(days::contains).count(), dates.size(),
          clients.contains(shift.clientId()));
    }
  }

  private WorkHistory workHistory(ScheduleView view, Instant now, String caregiverId) {
    Set<LocalDate> days = new HashSet<>();
    Set<String> clients = new HashSet<>();
    Instant from = now.minus(Duration.ofDays(7L * (lookbackWeeks + 1)));
    for (Visit w : view.visitsOf(caregiverId, from, now)) {
      if (w.status() == VisitStatus.COMPLETED || w.status() == VisitStatus.IN_PROGRESS) {
        days.add(w.localStart().toLocalDate());
        clients.add(w.clientId());
      }
    }
    return new WorkHistory(days, clients);
  }

  /** Builds a {@link WeekendMatchRule}; setters check their values. */
  public static final class Builder {
    private Duration horizon = Duration.ofDays(7);
    private Set<DayOfWeek> days = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private int matches = 2;
    private int lookbackWeeks = 9;
    private int poolSize = 8;
    private double continuityShare = 0.5;
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

    /** How many of the finder's best candidates to weigh for continuity (default 8). */
    public Builder candidates(int poolSize) {
      this.poolSize = Checks.atLeast(ID, "candidates", 1, poolSize);
      return this;
    }

    /**
     * The share of the recent same weekdays a caregiver must have worked to count as continuity
     * (default 0.5); knowing the client always counts.
     */
    public Builder continuityShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException(ID + ": continuityShare must be within (0, 1] but was " + share);
      }
      this.continuityShare = share;
      return this;
    }

    /** Where matches come from (default: none). */
    public Builder backups(BackupFinder backups) {
      this.backups = Objects.requireNonNull(backups, "backups");
      return this;
    }

    public WeekendMatchRule build() {
      if (poolSize < matches) {
        throw new IllegalStateException(ID + ": candidates (" + poolSize + ") must be at least matches (" + matches + ")");
      }
      return new WeekendMatchRule(this);
    }
  }
}
