package com.optimalworkforce.alerts.scoring;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the {@link MatchScorer} scores: the soft factors and their weights, the overtime hard cap
 * and the pay week, and whether "similar shifts" must also share the service. Immutable.
 *
 * <pre>{@code
 * MatchConfig config = MatchConfig.builder()
 *     .overtimeCapHours(45).payWeekStart(DayOfWeek.SUNDAY)
 *     .weight(MatchFactors.DISTANCE, 1.2)          // distance matters more here
 *     .addFactor(myLanguageFactor)
 *     .build();
 * }</pre>
 *
 * <p>A weight is the log-odds a factor adds at full signal: 0.7 moves a 50% match to about 67%,
 * 1.0 to 73%. With {@link Builder#calibrate(boolean) calibration} on (the default) the weights are
 * the prior of a fit to the agency's own offers, so the scorer learns how much each factor
 * matters there; with it off they are used as given, and 0 switches a factor off.
 */
public final class MatchConfig {
  private static final MatchConfig DEFAULTS = builder().build();

  private final List<MatchFactor> factors;
  private final Map<String, Double> weights;
  private final double overtimeCapHours;
  private final DayOfWeek payWeekStart;
  private final boolean sameService;
  private final boolean calibrate;
  private final int calibrationOffers;

  private MatchConfig(Builder b) {
    this.factors = List.copyOf(b.factors);
    this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(b.weights));
    this.overtimeCapHours = b.overtimeCapHours;
    this.payWeekStart = b.payWeekStart;
    this.sameService = b.sameService;
    this.calibrate = b.calibrate;
    this.calibrationOffers = b.calibrationOffers;
  }

  /**
   * The built-in factors ({@link MatchFactors#defaults()}) with their default weights as the
   * starting point of calibration, a 48-hour overtime cap, pay weeks starting on Monday, similar
   * shifts of any service.
   */
  public static MatchConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.factors.clear();
    b.factors.addAll(factors);
    b.weights.putAll(weights);
    b.overtimeCapHours = overtimeCapHours;
    b.payWeekStart = payWeekStart;
    b.sameService = sameService;
    b.calibrate = calibrate;
    b.calibrationOffers = calibrationOffers;
    return b;
  }

  /** The factors, in the order their points are credited. */
  public List<MatchFactor> factors() {
    return factors;
  }

  /** The weight in use for a configured factor: the configured one, else the factor's default. */
  public double weight(String factorId) {
    Double w = weights.get(factorId);
    if (w != null) {
      return w;
    }
    for (MatchFactor f : factors) {
      if (f.id().equals(factorId)) {
        return f.defaultWeight();
      }
    }
    throw new IllegalArgumentException("No factor '" + factorId + "' is configured; factors: " + ids(factors));
  }

  /** Hours a caregiver may be booked in one pay week; a shift that would pass it excludes them. */
  public double overtimeCapHours() {
    return overtimeCapHours;
  }

  /** The first day of a pay week (weeks are computed in the shift's zone). */
  public DayOfWeek payWeekStart() {
    return payWeekStart;
  }

  /** Whether similar shifts must share the shift's service code. */
  public boolean sameService() {
    return sameService;
  }

  /** Whether the scorer fits the weights to the agency's past offers ({@link MatchCalibration}). */
  public boolean calibrate() {
    return calibrate;
  }

  /** How many of the most recent past offers calibration fits on, at most. */
  public int calibrationOffers() {
    return calibrationOffers;
  }

  @Override
  public String toString() {
    return "MatchConfig[factors=" + ids(factors) + ", weights=" + weights + ", overtimeCapHours=" + overtimeCapHours
        + ", payWeekStart=" + payWeekStart + ", sameService=" + sameService + ", calibrate=" + calibrate
        + ", calibrationOffers=" + calibrationOffers + "]";
  }

  private static List<String> ids(List<MatchFactor> factors) {
    return factors.stream().map(MatchFactor::id).toList();
  }

  /** Builds a {@link MatchConfig}; setters check their value, {@link #build()} the whole. */
  public static final class Builder {
    private final List<MatchFactor> factors = new ArrayList<>(MatchFactors.defaults());
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private double overtimeCapHours = 48;
    private DayOfWeek payWeekStart = DayOfWeek.MONDAY;
    private boolean sameService;
    private boolean calibrate = true;
    private int calibrationOffers = 20_000;

    private Builder() {}

    /** Replaces every factor (the default list is {@link MatchFactors#defaults()}). */
    public Builder factors(List<? extends MatchFactor> factors) {
      Objects.requireNonNull(factors, "factors");
      List<MatchFactor> copy = new ArrayList<>();
      for (MatchFactor f : factors) {
        copy.add(Objects.requireNonNull(f, "factors contains null"));
      }
      this.factors.clear();
      this.factors.addAll(copy);
      return this;
    }

    /** Adds a factor after the others. */
    public Builder addFactor(MatchFactor factor) {
      factors.add(Objects.requireNonNull(factor, "factor"));
      return this;
    }

    /** Removes a factor by id (and its weight); a no-op when absent. */
    public Builder removeFactor(String factorId) {
      Objects.requireNonNull(factorId, "factorId");
      factors.removeIf(f -> f.id().equals(factorId));
      weights.remove(factorId);
      return this;
    }

    /** Sets a factor's weight (log-odds at full signal); 0 turns it off. */
    public Builder weight(String factorId, double weight) {
      Objects.requireNonNull(factorId, "factorId");
      if (!Double.isFinite(weight) || Math.abs(weight) > 20) {
        throw new IllegalArgumentException("weight of '" + factorId + "' must be finite and within [-20, 20] but was "
            + weight);
      }
      weights.put(factorId, weight);
      return this;
    }

    /** The overtime hard cap in hours per pay week (default 48). */
    public Builder overtimeCapHours(double hours) {
      if (!(hours > 0 && hours <= 168)) {
        throw new IllegalArgumentException("overtimeCapHours must be within (0, 168] but was " + hours);
      }
      this.overtimeCapHours = hours;
      return this;
    }

    /** The first day of the pay week (default Monday). */
    public Builder payWeekStart(DayOfWeek day) {
      this.payWeekStart = Objects.requireNonNull(day, "payWeekStart");
      return this;
    }

    /** Whether similar shifts must share the service code (default false). */
    public Builder sameService(boolean sameService) {
      this.sameService = sameService;
      return this;
    }

    /**
     * Whether to fit the weights and an offset to the agency's past offers (default true). Off,
     * the configured weights are used as they are: for tests, or to impose the agency's policy.
     */
    public Builder calibrate(boolean calibrate) {
      this.calibrate = calibrate;
      return this;
    }

    /** How many of the most recent past offers calibration fits on (200 to 1,000,000; default 20,000). */
    public Builder calibrationOffers(int offers) {
      if (offers < 200 || offers > 1_000_000) {
        throw new IllegalArgumentException("calibrationOffers must be within [200, 1000000] but was " + offers);
      }
      this.calibrationOffers = offers;
      return this;
    }

    public MatchConfig build() {
      Set<String> seen = new HashSet<>();
      for (MatchFactor f : factors) {
        String id = Objects.requireNonNull(f.id(), () -> "factor " + f + " has a null id");
        if (!seen.add(id)) {
          throw new IllegalArgumentException("Two factors have the id '" + id + "'; ids must be unique");
        }
        if (!Double.isFinite(f.defaultWeight())) {
          throw new IllegalArgumentException("Factor '" + id + "' has a default weight of " + f.defaultWeight()
              + "; it must be finite");
        }
      }
      for (String id : weights.keySet()) {
        if (!seen.contains(id)) {
          throw new IllegalArgumentException("A weight is set for '" + id + "' but no such factor is configured; factors: "
              + ids(factors));
        }
      }
      return new MatchConfig(this);
    }
  }
}
