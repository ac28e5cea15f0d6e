package com.optimalworkforce.alerts.rules;

import com.optimalworkforce.alerts.rules.internal.Checks;
import com.optimalworkforce.alerts.rules.internal.Phrases;
import com.optimalworkforce.alerts.view.ScheduleView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Capacity: a region's scheduled hours this pay week against its typical capacity, and the
 * hiring trigger.
 *
 * <pre>{@code
 * AlertRule rule = CapacityRule.builder().capacity("toronto-east", 2_290).hiringTrigger("toronto-east", 2_200).build();
 * // "You're at 94% of typical capacity this week (2,150 hours). Consider hiring trigger at 2,200 weekly hours."
 * }</pre>
 *
 * <p>Typical capacity is configured per region, or else the median of the region's scheduled hours
 * over the previous 8 pay weeks that have any (at least 3 needed; with fewer the rule stays
 * silent). The hiring trigger is configured per region in weekly hours, or else 96% of capacity
 * (rounded to 10 hours). Defaults: INFO from 90% of capacity, WARNING at or past the hiring trigger.
 * Scheduled hours are every visit that is not cancelled, filled or not.
 */
public final class CapacityRule implements AlertRule {
  public static final String ID = "capacity";

  private final int typicalWeeks;
  private final int minWeeks;
  private final double alertAt;
  private final double triggerShare;
  private final Map<String, Double> capacity;
  private final Map<String, Double> triggers;

  private CapacityRule(Builder b) {
    this.typicalWeeks = b.typicalWeeks;
    this.minWeeks = b.minWeeks;
    this.alertAt = b.alertAt;
    this.triggerShare = b.triggerShare;
    this.capacity = Map.copyOf(b.capacity);
    this.triggers = Map.copyOf(b.triggers);
  }

  public static CapacityRule ofDefaults() {
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
    return "Capacity";
  }

  @Override
  public List<Alert> evaluate(ScheduleView view, Clock clock, Scope scope) {
    Collection<String> regions = scope.isAll() ? view.regionIds() : scope.regionIds();
    List<Alert> out = new ArrayList<>();
    for (String region : regions) {
      check(view, clock, region).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Alert> check(ScheduleView view, Clock clock, String region) {
    Optional<ZoneId> zone = view.zone(region);
    if (zone.isEmpty()) {
      return Optional.empty();
    }
    LocalDate week = view.payCalendar().weekOf(clock.instant(), zone.get());
    SortedMap<LocalDate, Double> weekly = view.weeklyHours(region);
    double scheduled = weekly.getOrDefault(week, 0.0);
    Double typical = capacity.get(region);
    if (typical == null) {
      double[] past = weekly.headMap(week).values().stream().mapToDouble(Double::doubleValue).filter(h -> h > 0)
          .toArray();
      if (past.length < minWeeks) {
        return Optional.empty();
      }
      typical = median(Arrays.copyOfRange(past, Math.max(0, past.length - typicalWeeks), past.length));
    }
    if (typical <= 0 || scheduled < alertAt * typical) {
      return Optional.empty();
    }
    double trigger = triggers.getOrDefault(region, Math.round(typical * triggerShare / 10.0) * 10.0);
    long percent = Math.round(100 * scheduled / typical);
    String head = "You're at " + percent + "% of typical capacity this week ("
        + Phrases.thousands(Math.round(scheduled)) + " hours)";
    boolean past = scheduled >= trigger;
    String message = past
        ? head + ", past the hiring trigger of " + Phrases.thousands(Math.round(trigger)) + " weekly hours. Consider hiring."
        : head + ". Consider hiring trigger at " + Phrases.thousands(Math.round(trigger)) + " weekly hours.";
    return Optional.of(Alert.builder(ID, Subject.region(region, week.toString())).title(title())
        .severity(past ? Severity.WARNING : Severity.INFO).region(region).message(message).build());
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Builds a {@link CapacityRule}; setters check their values. */
  public static final class Builder {
    private int typicalWeeks = 8;
    private int minWeeks = 3;
    private double alertAt = 0.90;
    private double triggerShare = 0.96;
    private final Map<String, Double> capacity = new HashMap<>();
    private final Map<String, Double> triggers = new HashMap<>();

    private Builder() {}

    /** Pay weeks the trailing median looks back over (default 8). */
    public Builder typicalWeeks(int weeks) {
      this.typicalWeeks = Checks.atLeast(ID, "typicalWeeks", 1, weeks);
      return this;
    }

    /** Pay weeks of history needed before the median is trusted (default 3). */
    public Builder minWeeks(int weeks) {
      this.minWeeks = Checks.atLeast(ID, "minWeeks", 1, weeks);
      return this;
    }

    /** Alert from this share of capacity (default 0.90). */
    public Builder alertAt(double share) {
      this.alertAt = Checks.share(ID, "alertAt", share);
      return this;
    }

    /** Hiring trigger as a share of capacity when not configured in hours (default 0.96). */
    public Builder hiringTriggerShare(double share) {
      this.triggerShare = Checks.share(ID, "hiringTriggerShare", share);
      return this;
    }

    /** The region's typical weekly capacity in hours, instead of the trailing median. */
    public Builder capacity(String regionId, double weeklyHours) {
      Objects.requireNonNull(regionId, "regionId");
      capacity.put(regionId, Checks.positive(ID, "capacity of " + regionId, weeklyHours));
      return this;
    }

    /** The region's hiring trigger in weekly hours. */
    public Builder hiringTrigger(String regionId, double weeklyHours) {
      Objects.requireNonNull(regionId, "regionId");
      triggers.put(regionId, Checks.positive(ID, "hiringTrigger of " + regionId, weeklyHours));
      return this;
    }

    public CapacityRule build() {
      if (minWeeks > typicalWeeks) {
        throw new IllegalStateException(ID + ": minWeeks (" + minWeeks + ") exceeds typicalWeeks (" + typicalWeeks + ")");
      }
      return new CapacityRule(this);
    }
  }
}
