package com.optimalworkforce.alerts.scoring;

import com.optimalworkforce.alerts.scoring.internal.AcceptanceFactor;
import com.optimalworkforce.alerts.scoring.internal.ClientContinuityFactor;
import com.optimalworkforce.alerts.scoring.internal.DistanceFactor;
import com.optimalworkforce.alerts.scoring.internal.OvertimeCostFactor;
import com.optimalworkforce.alerts.scoring.internal.ReliabilityFactor;
import com.optimalworkforce.alerts.scoring.internal.WeekdayContinuityFactor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The built-in {@link MatchFactor}s. {@code docs/match-scoring.md} describes each signal.
 *
 * <pre>{@code
 * MatchConfig config = MatchConfig.builder()
 *     .factors(List.of(MatchFactors.acceptance(), MatchFactors.clientContinuity(),
 *         MatchFactors.distance(3, 25)))
 *     .build();
 * }</pre>
 */
public final class MatchFactors {
  /** Id of {@link #acceptance()}. */
  public static final String ACCEPTANCE = "acceptance";
  /** Id of {@link #clientContinuity()}. */
  public static final String CLIENT_CONTINUITY = "client-continuity";
  /** Id of {@link #weekdayContinuity()}. */
  public static final String WEEKDAY_CONTINUITY = "weekday-continuity";
  /** Id of {@link #reliability()}. */
  public static final String RELIABILITY = "reliability";
  /** Id of {@link #overtimeCost()}. */
  public static final String OVERTIME_COST = "overtime-cost";
  /** Id of {@link #distance()}. */
  public static final String DISTANCE = "distance";

  private MatchFactors() {}

  /** All built-in factors with their defaults, in this order. */
  public static List<MatchFactor> defaults() {
    return List.of(acceptance(), clientContinuity(), weekdayContinuity(), reliability(), overtimeCost(), distance());
  }

  /**
   * Acceptance of similar shifts (same weekday and time band): signal = log-odds of the smoothed
   * rate minus log-odds of the agency rate; default weight 1.
   */
  public static MatchFactor acceptance() {
    return AcceptanceFactor.INSTANCE;
  }

  /** Continuity with the client: worked visits n give n / (n + 3); default weight 0.8. */
  public static MatchFactor clientContinuity() {
    return ClientContinuityFactor.INSTANCE;
  }

  /** Continuity with the weekday over the last 12 weeks; default weight 0.6. */
  public static MatchFactor weekdayContinuity() {
    return weekdayContinuity(12);
  }

  /** Continuity with the weekday over the last {@code weeks} weeks (1 to 104). */
  public static MatchFactor weekdayContinuity(int weeks) {
    if (weeks < 1 || weeks > 104) {
      throw new IllegalArgumentException("weekdayContinuity weeks must be within [1, 104] but was " + weeks);
    }
    return new WeekdayContinuityFactor(weeks);
  }

  /** Reliability: call-outs in the last 90 days, last-minute ones weighing most; default weight 1.5. */
  public static MatchFactor reliability() {
    return reliability(Duration.ofDays(90));
  }

  /** Reliability over a window of 1 to 730 days. */
  public static MatchFactor reliability(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.compareTo(Duration.ofDays(1)) < 0 || window.compareTo(Duration.ofDays(730)) > 0) {
      throw new IllegalArgumentException("reliability window must be within [1, 730] days but was " + window);
    }
    return new ReliabilityFactor(window);
  }

  /** Overtime cost: the share of the shift past 40 h in the pay week; default weight 1. */
  public static MatchFactor overtimeCost() {
    return overtimeCost(40);
  }

  /** Overtime cost past {@code thresholdHours} (1 to 168) in the pay week. */
  public static MatchFactor overtimeCost(double thresholdHours) {
    if (!(thresholdHours >= 1 && thresholdHours <= 168)) {
      throw new IllegalArgumentException("overtimeCost thresholdHours must be within [1, 168] but was "
          + thresholdHours);
    }
    return new OvertimeCostFactor(thresholdHours);
  }

  /** Travel distance: neutral up to 5 km, full penalty from 40 km; default weight 0.8. */
  public static MatchFactor distance() {
    return distance(5, 40);
  }

  /** Travel distance: neutral up to {@code neutralKm}, full penalty from {@code maxKm}. */
  public static MatchFactor distance(double neutralKm, double maxKm) {
    if (!(neutralKm >= 0) || !(maxKm > neutralKm) || !Double.isFinite(maxKm)) {
      throw new IllegalArgumentException("distance needs 0 <= neutralKm < maxKm but got neutralKm=" + neutralKm
          + ", maxKm=" + maxKm);
    }
    return new DistanceFactor(neutralKm, maxKm);
  }
}
