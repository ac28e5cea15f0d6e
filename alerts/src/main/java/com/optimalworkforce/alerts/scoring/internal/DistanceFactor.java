package com.optimalworkforce.alerts.scoring.internal;

import com.optimalworkforce.alerts.scoring.FactorSignal;
import com.optimalworkforce.alerts.scoring.MatchContext;
import com.optimalworkforce.alerts.scoring.MatchFactor;
import com.optimalworkforce.alerts.scoring.MatchFactors;
import java.util.OptionalDouble;

/** Travel distance from home: neutral up to a distance, then a penalty growing to full at a maximum. */
public final class DistanceFactor implements MatchFactor {
  private final double neutralKm;
  private final double maxKm;
  /** The neutral signals "n km away" for n up to the neutral distance, made once. */
  private final FactorSignal[] near;

  public DistanceFactor(double neutralKm, double maxKm) {
    this.neutralKm = neutralKm;
    this.maxKm = maxKm;
    this.near = new FactorSignal[(int) Math.min(Math.round(neutralKm), 200) + 1];
    for (int i = 0; i < near.length; i++) {
      near[i] = FactorSignal.neutral(i + " km away");
    }
  }

  @Override
  public String id() {
    return MatchFactors.DISTANCE;
  }

  @Override
  public String label() {
    return "Travel distance";
  }

  @Override
  public double defaultWeight() {
    return 0.8;
  }

  @Override
  public FactorSignal evaluate(MatchContext context) {
    OptionalDouble km = context.distanceKm();
    if (km.isEmpty()) {
      return FactorSignal.neutral("distance unknown");
    }
    double d = km.getAsDouble();
    long rounded = Math.round(d);
    if (d <= neutralKm) {
      return rounded >= 0 && rounded < near.length ? near[(int) rounded] : FactorSignal.neutral(rounded + " km away");
    }
    return FactorSignal.of(-Math.min(1, (d - neutralKm) / (maxKm - neutralKm)), () -> rounded + " km away");
  }

  @Override
  public String toString() {
    return "DistanceFactor[neutralKm=" + neutralKm + ", maxKm=" + maxKm + "]";
  }
}
